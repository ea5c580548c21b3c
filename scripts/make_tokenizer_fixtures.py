#!/usr/bin/env python3
"""Writes the BertTokenizer fixtures the Swift tests compare with, from HuggingFace `tokenizers`.

Each fixture set is a model folder under Tests/TransformerTests/Fixtures/tokenizer/<name>/: vocab.txt,
tokenizer_config.json and expected.json (every test string with HuggingFace's tokens and ids, [CLS] and [SEP]
included). `minilm` uses the real all-MiniLM-L6-v2 vocabulary committed beside it (uncased); the others use a
tiny cased vocabulary written here, with other option combinations.

HuggingFace's BertTokenizer (transformers ≥ 5) is the `tokenizers` pipeline used here: BertNormalizer,
BertPreTokenizer, WordPiece, with the vocabulary's [UNK] [SEP] [CLS] [PAD] [MASK] kept whole when a text spells
them. When `transformers` is installed, the script also checks its BertTokenizer gives the same ids.

Folders named *_json hold only tokenizer.json (HuggingFace's fast-tokenizer file, as `Tokenizer.save` writes it)
and expected.json from that file: the tokenizer attnview reads when a model folder has no vocab.txt. One uses
BertProcessing, the other TemplateProcessing (as `transformers` saves it), with other normalizer options.

unicode_classes.json records, for every code point, what HuggingFace's normalizer and pre-tokenizer do with it:
dropped in cleaning, turned into a space, split off as punctuation, and its lowercase and strip-accents+lowercase
forms where they differ from the code point (Hangul syllables sampled: their decomposition is algorithmic).

Usage: pip install tokenizers && python3 scripts/make_tokenizer_fixtures.py
"""
import json
import pathlib

from tokenizers import BertWordPieceTokenizer, Tokenizer, normalizers, pre_tokenizers, processors

ROOT = pathlib.Path(__file__).resolve().parent.parent / "Tests" / "TransformerTests" / "Fixtures" / "tokenizer"

TEXTS = [
    "The animal didn't cross the street because it was too tired.",
    "",
    "   \t\n  \r\n ",
    "Héllo Wörld, café naïve résumé",
    "ÅNGSTRÖM Ærø Øre straße ŒUVRE",
    "東京は日本の首都です。",
    "我爱自然语言处理，也爱机器学习！",
    "한국어 문장입니다",
    "مرحبا بالعالم",
    "Привет, мир! Ёлка",
    "Γειά σου Κόσμε ΣΑΣ ΟΔΟΣ",
    "hello!!!??...---",
    "(a)[b]{c}<d>",
    "«quotes» „German“ ‘single’ “double” — dash … ellipsis",
    "tab\there\nnewline\r\nCRLF",
    "ctrl\x00nul\x01\x07bell\x1b[31mred\x7fdel",
    "zero\u200bwidth\u200djoiner\ufeffbom\u00adsoft",
    "replacement \ufffd char\ufffd",
    "emoji 😀🎉👍🏽 👨\u200d👩\u200d👧 🇺🇸 🥲🫠",
    "don't won't it's y'all rock'n'roll O’Neil’s",
    "antidisestablishmentarianism supercalifragilisticexpialidocious",
    "a" * 100,
    "a" * 101,
    "pneumonoultramicroscopicsilicovolcanoconiosis" * 3,
    "xqzjvk qqqqq zzxxyy 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "MiXeD CaSe WoRdS iPhone McDonald ALLCAPS",
    "e\u0301 cafe\u0301 n\u0303o a\u0308\u0301",
    "1234567890 3.14159 1,000,000 -42 1e-9 ½",
    "https://example.com/path?query=1&x=y#frag user@mail.org",
    "[MASK] is [mask] and [CLS][SEP] [UNK] [PAD]x",
    "[CLS [ MASK ] [[SEP]] [MASK]\u0301 a[MASK]b",
    "hello\u00a0world\u2003em\u3000ideographic\u202fnarrow",
    "line\u2028sep\u2029para\u0085nel\x0bvt\x0cff",
    "ﬁne ﬂow Ⅻ ① ² ™",
    "İstanbul ǅ ẞ ß Σ",
    "x\ue000private\U000F0000use \u0378unassigned\u0378x",
    "a\U0002B820b a\U0002B920b 𠀀 丽 \U00030000",
    "ｆｕｌｌｗｉｄｔｈ ＡＢＣ １２３！",
    "The quick brown fox jumps over the lazy dog. " * 5,
    "#hashtag @mention $100 50% a+b=c ~tilde `code` ^caret |pipe \\back _under",
    "ŝ ğ ǧ ḱ ṕ ẅ ỳ Ǆ",
    "Ελληνικά עברית हिन्दी ไทย",
    "naïveté coöperate façade",
    "unbelievable playing played plays replaying",
    "\u0301\u0301 leading marks \u0301",
    "a\u0300" * 60,
    "😀" * 101,
    "Mr. O'Neil's 3rd-floor apt. #4B",
    "日本語とEnglishのmixed文章",
    "The Cat plays. the cat played! THE CAT",
    "Zürich Ürün café CAFÉ",
    "a\tb\nc\rd e\u00a0f",
]

CASED_VOCABULARY = [
    "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
    "The", "the", "THE", "Cat", "cat", "CAT", "##s", "play", "##ing", "##ed", "##s", "re", "##play",
    "un", "##believ", "##able", "a", "##a", "##b", "b", "c", "d", "e", "f",
    "café", "cafe", "##\u0301", "Zürich", "Z", "##ü", "##rich", "Ü", "##r", "##ü", "##n", "CAFÉ",
    "日", "本", "語", "日本", "日本語", "東", "京", "English", "mixed", "##s", "文", "章",
    ".", ",", "!", "?", "'", "-", "(", ")", "[", "]", "#", "\u2019",
    "1", "##2", "##3", "##4", "##5", "##6", "##7", "##8", "##9", "##0", "0",
    "hello", "world", "Hello", "##o", "H", "##é", "##llo", "naïve", "na", "##ï", "##ve",
    "É", "é", "e", "##e", "n", "##\u0303", "o",
]


def unique(tokens):
    seen = set()
    return [t for t in tokens if not (t in seen or seen.add(t))]


SETS = {
    # name: (vocabulary or None for the committed MiniLM one, tokenizer_config.json keys)
    "minilm": (None, None),
    "cased": (unique(CASED_VOCABULARY), {"do_lower_case": False, "strip_accents": False}),
    "cased_strip_no_chinese": (
        unique(CASED_VOCABULARY),
        {"do_lower_case": False, "strip_accents": True, "tokenize_chinese_chars": False},
    ),
}


JSON_SETS = {
    # name: (vocabulary, BertWordPieceTokenizer options, post-processor as `transformers` writes it or None)
    "cased_json": (unique(CASED_VOCABULARY), {"lowercase": False, "strip_accents": False}, None),
    "uncased_template_json": (
        unique(CASED_VOCABULARY),
        {"lowercase": True, "strip_accents": None, "handle_chinese_chars": False},
        "template",
    ),
}


def write_json_sets():
    for name, (vocabulary, options, post) in JSON_SETS.items():
        folder = ROOT / name
        folder.mkdir(parents=True, exist_ok=True)
        vocab = {token: index for index, token in enumerate(vocabulary)}
        tokenizer = BertWordPieceTokenizer(vocab, clean_text=True, **options)
        if post == "template":
            tokenizer.post_processor = processors.TemplateProcessing(
                single="[CLS] $A [SEP]",
                pair="[CLS] $A [SEP] $B:1 [SEP]:1",
                special_tokens=[("[CLS]", vocab["[CLS]"]), ("[SEP]", vocab["[SEP]"])],
            )
        tokenizer.save(str(folder / "tokenizer.json"))
        loaded = Tokenizer.from_file(str(folder / "tokenizer.json"))
        cases = []
        for text in TEXTS:
            encoding = loaded.encode(text)
            cases.append({"text": text, "tokens": encoding.tokens, "ids": encoding.ids})
        (folder / "expected.json").write_text(json.dumps({"cases": cases}, indent=1) + "\n")
        print(f"{name}: tokenizer.json, {len(cases)} texts")


def hf_options(config):
    lowercase = config.get("do_lower_case", True)
    return dict(
        lowercase=lowercase,
        strip_accents=config.get("strip_accents"),
        handle_chinese_chars=config.get("tokenize_chinese_chars", True),
        clean_text=True,
    )


def cross_check(folder, config, cases):
    """Compares with transformers' BertTokenizer when it is installed; a mismatch stops the script."""
    try:
        from transformers import BertTokenizer
    except ImportError:
        print("  transformers not installed: no cross-check")
        return
    tokenizer = BertTokenizer(
        str(folder / "vocab.txt"),
        do_lower_case=config.get("do_lower_case", True),
        strip_accents=config.get("strip_accents"),
        tokenize_chinese_chars=config.get("tokenize_chinese_chars", True),
    )
    for case in cases:
        ids = tokenizer(case["text"])["input_ids"]
        assert ids == case["ids"], (case["text"], ids, case["ids"])
    print(f"  transformers BertTokenizer agrees on all {len(cases)} texts")


def ranges(code_points):
    """[[first, last], ...] for a sorted list of code points."""
    runs = []
    for cp in code_points:
        if runs and runs[-1][1] == cp - 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    return runs


def unicode_classes():
    clean = normalizers.BertNormalizer(clean_text=True, handle_chinese_chars=False, strip_accents=False, lowercase=False)
    strip_lower = normalizers.BertNormalizer(
        clean_text=False, handle_chinese_chars=False, strip_accents=True, lowercase=True
    )
    lower = normalizers.BertNormalizer(clean_text=False, handle_chinese_chars=False, strip_accents=False, lowercase=True)
    pre = pre_tokenizers.BertPreTokenizer()
    dropped, whitespace, punctuation, lowercase, strip_lowercase = [], [], [], {}, {}
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        cleaned = clean.normalize_str("a" + c + "b")
        if cleaned == "ab":
            dropped.append(cp)
        elif cleaned == "a b":
            whitespace.append(cp)
        if len(pre.pre_tokenize_str("a" + c + "b")) == 3:
            punctuation.append(cp)
        if (out := lower.normalize_str(c)) != c:
            lowercase[cp] = out
        if (out := strip_lower.normalize_str(c)) != c and (not 0xAC00 <= cp <= 0xD7A3 or cp % 37 == 0):
            strip_lowercase[cp] = out
    return {
        "dropped": ranges(dropped),
        "whitespace": ranges(whitespace),
        "punctuation": ranges(punctuation),
        "lowercase": {str(cp): out for cp, out in lowercase.items()},
        "strip_accents_lowercase": {str(cp): out for cp, out in strip_lowercase.items()},
    }


def main():
    for name, (vocabulary, config) in SETS.items():
        folder = ROOT / name
        folder.mkdir(parents=True, exist_ok=True)
        if vocabulary is not None:
            (folder / "vocab.txt").write_text("".join(t + "\n" for t in vocabulary), encoding="utf-8")
            (folder / "tokenizer_config.json").write_text(json.dumps(config, indent=2) + "\n")
        config = json.loads((folder / "tokenizer_config.json").read_text())
        tokenizer = BertWordPieceTokenizer(str(folder / "vocab.txt"), **hf_options(config))
        cases = []
        for text in TEXTS:
            encoding = tokenizer.encode(text)
            cases.append({"text": text, "tokens": encoding.tokens, "ids": encoding.ids})
        (folder / "expected.json").write_text(json.dumps({"cases": cases}, indent=1) + "\n")
        print(f"{name}: {len(cases)} texts, {sum(len(c['ids']) for c in cases)} tokens")
        cross_check(folder, config, cases)
    write_json_sets()
    classes = unicode_classes()
    (ROOT / "unicode_classes.json").write_text(json.dumps(classes, separators=(",", ":")) + "\n")
    print("unicode_classes: " + ", ".join(f"{len(v)} {k}" for k, v in classes.items()))


if __name__ == "__main__":
    main()
