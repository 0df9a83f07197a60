"""Tiny real NLI models, built on the fly: a BERT config, a word-level tokenizer trained on the
seed articles, saved to a folder and loaded back through the same code path users take.

Weights are random except the classifier, which is set so one chosen label always wins: that
makes the label-order plumbing checkable. None of this says anything about NLI quality.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import torch
from tokenizers import (
    Tokenizer,
    models,
    normalizers,
    pre_tokenizers,
    processors,
    trainers,
)
from transformers import (
    AutoModel,
    AutoModelForSequenceClassification,
    BertConfig,
    BertForSequenceClassification,
    DebertaV2Config,
    PreTrainedTokenizerFast,
    XLMRobertaConfig,
)

SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]


def build_nli_model(folder: Path, labels: list[str], winner: str | None, corpus: list[str]) -> Path:
    """Save a 1-layer BERT classifier with `labels` (in that order) to `folder`.

    `winner`: the label whose logit is pushed up for every input; None keeps random weights.
    """
    tokenizer = Tokenizer(models.WordLevel(unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.Sequence([normalizers.NFD(), normalizers.Lowercase()])
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    tokenizer.train_from_iterator(corpus, trainers.WordLevelTrainer(vocab_size=2000, special_tokens=SPECIAL))
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", cls), ("[SEP]", sep)],
    )
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tokenizer, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]",
        sep_token="[SEP]", mask_token="[MASK]", model_max_length=128,
    )
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=tokenizer.get_vocab_size(), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
        intermediate_size=32, max_position_embeddings=128, num_labels=len(labels),
        id2label=dict(enumerate(labels)), label2id={label: i for i, label in enumerate(labels)},
    )
    model = BertForSequenceClassification(config)
    if winner is not None:
        with torch.no_grad():
            model.classifier.weight.zero_()
            model.classifier.bias.zero_()
            model.classifier.bias[labels.index(winner)] = 8.0
    folder.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(folder)
    fast.save_pretrained(folder)
    return folder


# The presets' real architectures and tokenizer types, tiny and built offline, saved the way their
# Hub repositories are (a SentencePiece model file, no tokenizer.json), so loading them goes through
# the same conversion (sentencepiece + protobuf) a user's first real run does.
PRESET_ARCHITECTURES = {
    # preset: (embedder architecture, NLI architecture)
    "default": ("xlm-roberta", "deberta-v2"),  # multilingual-e5-base, mDeBERTa-v3-base-xnli
    "fast": ("bert", "xlm-roberta"),  # paraphrase-multilingual-MiniLM-L12-v2, multilingual-MiniLMv2-L6
}
_TINY = {"hidden_size": 16, "num_hidden_layers": 1, "num_attention_heads": 2, "intermediate_size": 32, "max_position_embeddings": 130}


@dataclass(frozen=True)
class ModelSize:
    """Tiny by default; benchmarks/bench.py gives the presets' real dimensions."""

    dimensions: dict = field(default_factory=lambda: _TINY)  # hidden_size, num_hidden_layers, ...
    tokenizer_vocab: int = 300  # SentencePiece pieces trained on the corpus given
    model_vocab: int | None = None  # the embedding matrix's rows (None: the tokenizer's)
    max_length: int = 128  # the tokenizer's model_max_length


def _sentencepiece(folder: Path, corpus: list[str], file_name: str, vocab_size: int = 300, **ids) -> int:
    """Train a SentencePiece unigram model on `corpus` into folder/file_name; returns its size."""
    import sentencepiece

    folder.mkdir(parents=True, exist_ok=True)
    prefix = folder / "spm-training"
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(corpus), model_prefix=str(prefix), vocab_size=vocab_size, model_type="unigram",
        character_coverage=1.0, minloglevel=2, **ids,
    )
    prefix.with_suffix(".model").rename(folder / file_name)
    prefix.with_suffix(".vocab").unlink()
    return vocab_size


def tokenizer_files(folder: Path, corpus: list[str], architecture: str, vocab_size: int = 300, max_length: int = 128) -> int:
    """The tokenizer files the architecture's Hub models ship; returns the model's vocabulary size."""
    if architecture == "deberta-v2":  # mDeBERTa: [PAD]=0 [CLS]=1 [SEP]=2 [UNK]=3 in spm.model
        size = _sentencepiece(
            folder, corpus, "spm.model", vocab_size, pad_id=0, bos_id=1, eos_id=2, unk_id=3, pad_piece="[PAD]",
            bos_piece="[CLS]", eos_piece="[SEP]", unk_piece="[UNK]", user_defined_symbols=["[MASK]"],
        )
        tokenizer_class, extra = "DebertaV2Tokenizer", 1
    else:  # XLM-R's tokenizer (also used by the multilingual MiniLM): fairseq ids shift spm's by one, plus <mask>
        size = _sentencepiece(folder, corpus, "sentencepiece.bpe.model", vocab_size)
        tokenizer_class, extra = "XLMRobertaTokenizer", 2
    config = {"tokenizer_class": tokenizer_class, "model_max_length": max_length}
    (folder / "tokenizer_config.json").write_text(json.dumps(config), encoding="utf-8")
    return size + extra


def model_config(architecture: str, vocab_size: int, sizes: dict = _TINY, **extra):
    """`sizes`: hidden_size, num_hidden_layers, ... (tiny unless given; benchmarks/bench.py gives real ones)."""
    if architecture == "deberta-v2":  # as mDeBERTa-v3: relative positions, no token types
        return DebertaV2Config(vocab_size=vocab_size, type_vocab_size=0, relative_attention=True,
                               pos_att_type=["p2c", "c2p"], position_biased_input=False, pad_token_id=0,
                               **{"position_buckets": 16, **sizes}, **extra)
    if architecture == "xlm-roberta":
        return XLMRobertaConfig(vocab_size=vocab_size, type_vocab_size=1, pad_token_id=1, **sizes, **extra)
    return BertConfig(vocab_size=vocab_size, pad_token_id=1, **sizes, **extra)


def build_preset_nli(folder: Path, architecture: str, labels: list[str], winner: str | None, corpus: list[str],
                     size: ModelSize | None = None) -> Path:
    """A sequence classifier of the architecture with its SentencePiece tokenizer; `winner` always
    wins (None: random weights throughout). `size`: real dimensions instead of tiny ones."""
    size = size or ModelSize()
    vocab_size = tokenizer_files(folder, corpus, architecture, size.tokenizer_vocab, size.max_length)
    torch.manual_seed(0)
    config = model_config(architecture, size.model_vocab or vocab_size, size.dimensions, num_labels=len(labels),
                          id2label=dict(enumerate(labels)), label2id={label: i for i, label in enumerate(labels)})
    model = AutoModelForSequenceClassification.from_config(config)
    if winner is not None:
        head = model.classifier.out_proj if hasattr(model.classifier, "out_proj") else model.classifier
        with torch.no_grad():
            head.weight.zero_()
            head.bias.zero_()
            head.bias[labels.index(winner)] = 8.0
    model.save_pretrained(folder)
    return folder


def build_preset_embedder(folder: Path, architecture: str, corpus: list[str], size: ModelSize | None = None) -> Path:
    """A sentence-transformers folder (transformer, mean pooling, normalisation) of the architecture,
    with XLM-R's SentencePiece tokenizer, as the presets' embedders are."""
    size = size or ModelSize()
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import (
        Normalize,
        Pooling,
        Transformer,
    )

    weights = folder.parent / f"{folder.name}-weights"
    vocab_size = tokenizer_files(weights, corpus, "xlm-roberta", size.tokenizer_vocab, size.max_length)
    torch.manual_seed(0)
    AutoModel.from_config(model_config(architecture, size.model_vocab or vocab_size, size.dimensions)).save_pretrained(weights)
    transformer = Transformer(str(weights), max_seq_length=size.max_length)
    pooling = Pooling(transformer.get_embedding_dimension(), "mean")
    SentenceTransformer(modules=[transformer, pooling, Normalize()], device="cpu").save(str(folder))
    return folder
