"""Build a tiny synthetic Argos Translate ar→en package for tests and benchmarks.

The package is real: a CTranslate2 model converted from a randomly initialised
Marian model in `transformers`, and a SentencePiece model trained on the given
Arabic text plus a small English word list. Its output is gibberish, but every
file is the kind a real Argos package ships, so the product's real translation
path runs on it. The output projection is biased toward Latin pieces so the
"English" column looks like Latin text, as a real model's would.

Usage: python tests/synthetic_argos.py OUT.argosmodel [ARABIC_TEXT_FILE ...]
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import zipfile
from pathlib import Path

# Enough positions for Arabic at nearly one piece per character (see DEVELOPERS
# notes: fewer than this fails with "No position encodings ... >= 256").
MAX_POSITIONS = 2048
VOCAB_SIZE = 600

ENGLISH_WORDS = (
    "the of and to in a is that for it as was with be by on not he this are or his from at which "
    "but have an they you were her she there been one all we their has would when if so no what "
    "up out who them some could said about into than other time only new more these two may first "
    "then do any like my now over such our man me even most made after also did many before must "
    "through back years where much your way well down should because each just those people how too "
    "little state good very make world still own see men work long get here between both life being "
    "under never day same another know while last might us great old year off come since against go "
    "came right used take three coalition prison forces attack killed fighters statement city group "
    "security detainees guards clashes sources observatory operation syria iraq kurdish democratic"
).split()


def _training_text(arabic_texts: list[str]) -> list[str]:
    rng = random.Random(7)
    lines = [line.strip() for text in arabic_texts for line in text.splitlines() if line.strip()]
    for _ in range(max(200, len(lines))):
        words = rng.choices(ENGLISH_WORDS, k=rng.randint(6, 18))
        lines.append(" ".join(words).capitalize() + ".")
    return lines


def _train_sentencepiece(lines: list[str], workdir: Path) -> Path:
    import sentencepiece as spm

    corpus = workdir / "corpus.txt"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    prefix = workdir / "sentencepiece"
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(prefix),
        vocab_size=VOCAB_SIZE,
        character_coverage=1.0,
        model_type="unigram",
        bos_id=-1,
        unk_id=0,
        eos_id=1,
        pad_id=-1,
        hard_vocab_limit=False,
        minloglevel=2,
    )
    return prefix.with_suffix(".model")


def _pieces(sp_model: Path) -> list[str]:
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(sp_model))
    return [sp.id_to_piece(i) for i in range(sp.get_piece_size())]


def _build_marian(pieces: list[str], sp_model: Path, workdir: Path) -> Path:
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    torch.manual_seed(11)
    vocab = {piece: i for i, piece in enumerate(pieces)}
    pad_id = len(pieces)
    vocab["<pad>"] = pad_id  # last, as in Marian vocabularies; CTranslate2 drops it
    hf_dir = workdir / "marian"
    hf_dir.mkdir()
    (hf_dir / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    for name in ("source.spm", "target.spm"):
        (hf_dir / name).write_bytes(sp_model.read_bytes())
    config = MarianConfig(
        vocab_size=pad_id + 1,
        d_model=32,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=64,
        decoder_ffn_dim=64,
        max_position_embeddings=MAX_POSITIONS,
        pad_token_id=pad_id,
        eos_token_id=vocab["</s>"],
        decoder_start_token_id=pad_id,
        forced_eos_token_id=vocab["</s>"],
    )
    model = MarianMTModel(config)
    bias = torch.zeros(1, pad_id + 1)
    for piece, index in vocab.items():
        text = piece.replace("\u2581", "")
        if text and text.isascii() and text.isalpha():
            bias[0, index] = 6.0
    bias[0, vocab["</s>"]] = 4.5  # random weights never stop on their own; the decoding cap bounds them
    model.register_buffer("final_logits_bias", bias)
    model.save_pretrained(hf_dir)
    MarianTokenizer(str(hf_dir / "source.spm"), str(hf_dir / "target.spm"), str(hf_dir / "vocab.json")).save_pretrained(hf_dir)
    return hf_dir


def _convert(hf_dir: Path, package_dir: Path) -> None:
    from ctranslate2.converters import TransformersConverter

    TransformersConverter(str(hf_dir)).convert(str(package_dir / "model"), quantization="int8")


def build_package(out_file: Path, arabic_texts: list[str], version: str = "0.0.1") -> Path:
    """Write a synthetic `translate-ar_en` .argosmodel to out_file and return its path."""
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        sp_model = _train_sentencepiece(_training_text(arabic_texts), workdir)
        pieces = _pieces(sp_model)
        hf_dir = _build_marian(pieces, sp_model, workdir)
        package_dir = workdir / "translate-ar_en-synthetic"
        package_dir.mkdir()
        _convert(hf_dir, package_dir)
        (package_dir / "sentencepiece.model").write_bytes(sp_model.read_bytes())
        metadata = {
            "package_version": version,
            "argos_version": "1.11.0",
            "from_code": "ar",
            "from_name": "Arabic",
            "to_code": "en",
            "to_name": "English",
            "type": "translate",
            "code": "translate-ar_en-synthetic",
        }
        (package_dir / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
        (package_dir / "README.md").write_text(
            "Synthetic test package: random weights, gibberish output. Never publish its output.\n",
            encoding="utf-8",
        )
        out_file.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out_file, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(package_dir.rglob("*")):
                archive.write(path, path.relative_to(workdir))
    return out_file


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    sources = [Path(p) for p in argv[1:]] or sorted(Path(__file__).resolve().parent.parent.glob("seeds/*.txt"))
    build_package(out, [p.read_text(encoding="utf-8", errors="replace") for p in sources])
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
