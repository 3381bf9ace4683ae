"""Finding the Argos Translate ar→en package: installed, from a local file, or from Argos' index."""

from __future__ import annotations

import json
import logging
import os
import re
import socket
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..config import MODEL_ENV, Config, model_file
from ..errors import BUILD_HINT, MODEL_HELP, ModelUnavailable

log = logging.getLogger(__name__)
FROM, TO = "ar", "en"
_CLAUSE = re.compile(r"(?<=[،,؛;:])\s+")


@dataclass(frozen=True)
class PackageRef:
    """Where an Argos package is, and the id its translations are stored under."""

    path: Path
    model_id: str


def _model_id(name: str, version: str, size: int) -> str:
    return f"{name} {version or '?'} ({size} bytes)"


ARGOS_MISSING = ("Argos Translate is not installed: `pip install --no-deps argostranslate` (the generator uses its "
                 "package code only, not its PyTorch-based sentence splitters), or `pip install -e '.[full]'`")


def _argos():
    """argostranslate.package, or ModelUnavailable saying how to install it."""
    try:
        from argostranslate import package as argos_package
    except ImportError:
        raise ModelUnavailable(ARGOS_MISSING) from None
    return argos_package


def _installed():
    """The installed ar→en Argos package object, or None."""
    argos_package = _argos()

    for pkg in argos_package.get_installed_packages():
        if pkg.from_code == FROM and pkg.to_code == TO and getattr(pkg, "type", "translate") == "translate":
            return pkg
    return None


def _ref(pkg) -> PackageRef:
    model_bin = Path(pkg.package_path) / "model" / "model.bin"
    size = model_bin.stat().st_size if model_bin.exists() else 0
    return PackageRef(Path(pkg.package_path), _model_id(Path(pkg.package_path).name, pkg.package_version, size))


def _file_info(path: Path) -> tuple[str, str, int]:
    """(package folder name, version, model.bin size) read from an .argosmodel zip without unpacking it."""
    if not zipfile.is_zipfile(path):
        raise ModelUnavailable(f"{path}: not an Argos model (an .argosmodel file is a zip archive)")
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        meta_name = next((n for n in names if n.count("/") == 1 and n.endswith("/metadata.json")), None)
        if meta_name is None:
            raise ModelUnavailable(f"{path}: no metadata.json inside; not an Argos package")
        meta = json.loads(archive.read(meta_name))
        if (meta.get("from_code"), meta.get("to_code")) != (FROM, TO):
            raise ModelUnavailable(f"{path}: translates {meta.get('from_code')}→{meta.get('to_code')}, not ar→en")
        folder = meta_name.split("/")[0]
        size = next((i.file_size for i in archive.infolist() if i.filename == f"{folder}/model/model.bin"), 0)
    return folder, str(meta.get("package_version", "")), size


def peek(config: Config, cli_model: str | None) -> str | None:
    """The model id that a build would use, when it is known without network access; else None."""
    path = model_file(config, cli_model)
    if path is not None and path.exists():
        try:
            return _model_id(*_file_info(path))
        except ModelUnavailable:
            return None
    try:
        pkg = _installed()
    except ModelUnavailable:
        return None
    except Exception as exc:  # a broken package folder must not stop a build that needs no model
        log.warning("could not list installed Argos packages: %s", exc)
        return None
    return _ref(pkg).model_id if pkg else None


def _unpack(path: Path) -> None:
    """What argostranslate.package.install_from_path does (unzip into Argos' package folder, under its lock),
    without importing argostranslate.translate: that imports the sentence splitters (stanza, minisbd, spaCy),
    which a `--no-deps` install does not have and the generator does not use. Members that would land outside
    the package folder are refused."""
    argos_package = _argos()
    from argostranslate import settings as argos_settings

    target = Path(argos_settings.package_data_dir).resolve()
    with argos_package.package_lock, zipfile.ZipFile(path) as archive:
        for member in archive.namelist():
            if member.startswith(("/", "\\")) or ".." in Path(member).parts or \
                    not (target / member).resolve().is_relative_to(target):
                raise ModelUnavailable(f"{path}: the archive member {member!r} would be written outside {target}")
        target.mkdir(parents=True, exist_ok=True)
        archive.extractall(target)
    translate = sys.modules.get("argostranslate.translate")
    if translate is not None:  # loaded by someone else: its cached language list is stale now
        translate.get_installed_languages.cache_clear()


def _install_file(path: Path):
    argos_package = _argos()

    folder, version, _ = _file_info(path)
    pkg = _installed()
    if pkg is None or Path(pkg.package_path).name != folder or pkg.package_version != version:
        log.info("installing Argos package from %s", path)
        _unpack(path)
    for candidate in argos_package.get_installed_packages():
        if Path(candidate.package_path).name == folder:
            return candidate
    raise ModelUnavailable(f"{path}: installed, but Argos does not list it afterwards")


def _fetch() -> object | None:
    """Install ar→en from Argos' package index; None when the index cannot be reached."""
    argos_package = _argos()
    from argostranslate import settings as argos_settings

    previous = socket.getdefaulttimeout()
    socket.setdefaulttimeout(30)
    argos_log = logging.getLogger("argostranslate.utils")  # it logs the network error; we report it once
    level = argos_log.level
    argos_log.setLevel(logging.CRITICAL)
    try:
        argos_package.update_package_index()
        # get_available_packages() recurses forever when the index could not be saved: check first.
        if not Path(argos_settings.local_package_index).exists():
            return None
        for available in argos_package.get_available_packages():
            if available.from_code == FROM and available.to_code == TO:
                log.info("downloading %s %s from Argos' package index", available, available.package_version)
                _unpack(available.download())
                return _installed()
        return None
    finally:
        socket.setdefaulttimeout(previous)
        argos_log.setLevel(level)


def resolve(config: Config, cli_model: str | None, missing: int, build_hint: bool = True) -> PackageRef:
    """The package to translate with: a named .argosmodel file, else the installed one, else the index."""
    path = model_file(config, cli_model)
    if path is not None:
        if not path.exists():
            raise ModelUnavailable(f"model file {path} does not exist (named by --model, ${MODEL_ENV} or site.yml)")
        return _ref(_install_file(path))
    pkg = _installed()
    if pkg is not None:
        return _ref(pkg)
    detail = ""
    if config.fetch_model:
        try:
            pkg = _fetch()
        except Exception as exc:
            detail = f"\n(Argos' package index could not be used: {exc})"
        if pkg is not None:
            return _ref(pkg)
        detail = detail or "\n(Argos' package index could not be reached or lists no ar→en package.)"
    raise ModelUnavailable(MODEL_HELP.format(missing=missing, env=MODEL_ENV, detail=detail,
                                             build_hint=BUILD_HINT if build_hint else ""))


def device_for(config: Config) -> str:
    """"auto" means CUDA when CTranslate2 sees a GPU, else the CPU ("cuda" without a GPU was already turned
    into "cpu", with a warning, when the configuration was read)."""
    if config.device != "auto":
        return config.device
    import ctranslate2

    return "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"


class ArgosEngine:
    """The Argos package's tokenizer and CTranslate2 model, loaded once per build."""

    def __init__(self, ref: PackageRef, config: Config):
        import ctranslate2
        from argostranslate.package import Package

        self.model_id = ref.model_id
        self.package = Package(ref.path)
        if getattr(self.package, "tokenizer", None) is None:
            raise ModelUnavailable(f"{ref.path}: the package has no sentencepiece.model or bpe.model")
        self.config = config
        device = device_for(config)
        self.translator = ctranslate2.Translator(
            str(ref.path / "model"), device=device, compute_type=config.compute_type,
            inter_threads=1, intra_threads=0 if device == "cuda" else (config.threads or os.cpu_count() or 1))
        self.prefix = self.package.target_prefix or None

    def pieces(self, sentence: str) -> list[list[str]]:
        tokens = self.package.tokenizer.encode(sentence)
        limit = self.config.max_input_tokens
        if len(tokens) <= limit:
            return [tokens]
        pieces: list[list[str]] = []
        for clause in _CLAUSE.split(sentence):
            clause_tokens = self.package.tokenizer.encode(clause)
            if pieces and len(pieces[-1]) + len(clause_tokens) <= limit:
                pieces[-1] = pieces[-1] + clause_tokens
            else:
                pieces.extend(clause_tokens[i:i + limit] for i in range(0, len(clause_tokens), limit))
        return pieces

    def translate_pieces(self, batch: list[list[str]]) -> list[str]:
        longest = max(len(b) for b in batch)
        results = self.translator.translate_batch(
            batch, target_prefix=[[self.prefix]] * len(batch) if self.prefix else None,
            max_batch_size=len(batch), beam_size=self.config.beam_size, length_penalty=0.2, replace_unknowns=True,
            max_decoding_length=decoding_limit(longest, self.config.max_decoding_length), max_input_length=0)
        out = []
        for result in results:
            text = self.package.tokenizer.decode(result.hypotheses[0])
            if self.prefix and text.startswith(self.prefix):
                text = text[len(self.prefix):]
            out.append(text.strip())
        return out


def decoding_limit(longest_input: int, ceiling: int) -> int:
    """How many English tokens a batch may produce: enough for any real translation, bounded."""
    return min(ceiling, 2 * longest_input + 16)
