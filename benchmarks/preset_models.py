"""The presets' models at their Hub configs' dimensions, for benchmarks that time them with random
weights (bench.py, backends.py): compute does not depend on the weights."""

BASE = dict(hidden_size=768, num_hidden_layers=12, num_attention_heads=12, intermediate_size=3072)
MINI = dict(hidden_size=384, num_attention_heads=12, intermediate_size=1536)
REAL_MODELS = {
    # name: (role, architecture, dimensions, vocabulary rows, max tokens)
    "mDeBERTa-v3-base (default NLI)": ("nli", "deberta-v2", {**BASE, "pooler_hidden_size": 768, "max_position_embeddings": 512, "position_buckets": 256}, 251_000, 512),
    "multilingual-MiniLMv2-L6 (fast NLI)": ("nli", "xlm-roberta", {**MINI, "num_hidden_layers": 6, "max_position_embeddings": 514}, 250_002, 512),
    "multilingual-e5-base (default embedder)": ("embedder", "xlm-roberta", {**BASE, "max_position_embeddings": 514}, 250_002, 512),
    "paraphrase-multilingual-MiniLM-L12-v2 (fast embedder)": ("embedder", "bert", {**MINI, "num_hidden_layers": 12, "max_position_embeddings": 512}, 250_002, 128),
}
