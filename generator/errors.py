"""The few exceptions the generator raises for known failures; the CLI prints them."""

from __future__ import annotations


class GeneratorError(Exception):
    """A known failure: shown to the user as one clear message, no traceback."""

    exit_code = 2


class ConfigError(GeneratorError):
    """The project's configuration or metadata files are invalid."""


class SeedError(GeneratorError):
    """A seed file could not be read or holds no article."""


class ModelUnavailable(GeneratorError):
    """Translations are missing and no Argos ar→en model can be had."""

    exit_code = 3


MODEL_HELP = (
    "No Argos Translate Arabic→English model is available, and {missing} sentence(s) have no translation "
    "in the memory.\nProvide one in any of these three ways:\n"
    "  1. install it into Argos (it is then found automatically): "
    "`argospm install translate-ar_en`, or argostranslate.package.install_from_path(FILE);\n"
    "  2. name a local .argosmodel file: `--model PATH`, the environment variable {env}=PATH, "
    "or `model: PATH` in content/site.yml;\n"
    "  3. let the build fetch it from Argos' package index (needs internet access).\n"
    "Or build anyway with --allow-missing-translations (English shown as pending).{detail}"
)
