#!/usr/bin/env python3
"""Generate N guideline documents for scale runs, deterministic from a seed.

Each document imitates one of the layouts Kyodo reads (a Koganei-style guideline with
hard wraps, a Higashikurume-style pamphlet, a Hino-style guideline with a table of
contents, a Kodaira-style handbook with tables, an ordinance, a web page, a run-in PDF
extraction), with realistic noise: hard wraps with blank lines, full-width digits, old
kanji forms, CP932 encoding for about one document in five. Sizes follow a log-normal
distribution (5-100 KB, median about 25 KB), padded with background prose.

Beside each DOC.txt it writes DOC.expected.tsv (aspect, ordinal, label): the items a
careful reader finds. It also writes manifest.tsv and copies the codebook, so that
`kyodo list|show|compare --corpus DIR` work on the result.

    scripts/generate_corpus.py --n 1741 --seed 1 --out /tmp/kyodo-1741
"""
import argparse
import math
import os
import random
import shutil

PRINCIPLES = [
    "目的の共有", "対等の原則", "自主性の尊重", "自立の原則", "相互理解", "情報の共有", "情報公開の原則",
    "役割分担と責任の明確化", "評価の原則", "時限性の原則", "公平性の確保", "補完性の原則", "相互信頼の構築",
    "透明性の確保", "目標の共有", "意識改革",
]
FORMS = ["委託", "補助", "助成", "共催", "後援", "実行委員会", "協議会", "事業協力", "協定", "人的交流", "施設の提供", "政策提言", "企画立案への参画"]
PARTNERS = ["自治会・町内会", "NPO法人", "市民活動団体", "ボランティア団体", "大学", "研究機関", "企業", "商店会", "社会福祉法人", "公益法人", "学校"]
STEPS = ["課題の発見", "協働の可能性の検討", "形態の選択", "相手の選定", "協議と合意", "協定の締結", "事業の実施", "振り返りと評価"]
SENTENCES = [
    "市と市民活動団体等は、互いの特性を理解し、対等な立場で協議します。",
    "協働の過程と成果を市民に公開し、透明性を確保します。",
    "地域の課題を共有し、同じ目標に向かって取り組みます。",
    "それぞれの役割と責任を明確にした上で事業を進めます。",
    "事業の終了後には双方で振り返りを行い、次の協働に生かします。",
    "市民活動団体等の自主性と自立性を尊重します。",
    "協働は、それ自体が目的ではなく、目的を達成するための手段の一つです。",
    "少子高齢化の進行や人口減少社会への転換により、地域の課題はますます複雑化しています。",
    "市民ニーズが多様化する中で、行政だけでは対応することが難しい課題が増えています。",
    "市民活動支援センターを拠点として、団体の交流や情報発信を支援します。",
]
OLD_KANJI = {"関": "關", "点": "點", "続": "續", "発": "發", "観": "觀", "実": "實", "体": "體", "会": "會"}
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def prose(rng, chars):
    out = []
    while sum(len(s) for s in out) < chars:
        out.append(rng.choice(SENTENCES))
    return "".join(out)


def wrap(text, width, blank):
    lines = [text[i:i + width] for i in range(0, len(text), width)] or [""]
    return ("\n\n" if blank else "\n").join(lines)


def pick(rng, pool, low, high):
    return rng.sample(pool, rng.randint(low, min(high, len(pool))))


def circled(n):
    return chr(0x2460 + n - 1)


class Doc:
    def __init__(self):
        self.lines = []
        self.expected = []

    def add(self, text=""):
        self.lines.extend(text.split("\n"))

    def item(self, aspect, ordinal, label):
        self.expected.append((aspect, ordinal, label))


def koganei(rng, city, d, noise):
    d.add(f" {city}協働推進基本指針   \n\n\nはじめに \n")
    d.add(wrap(prose(rng, 300), 40, True) + "\n")
    d.add("第１章 協働の基本内容 \n\n⑴ 協働の理念と目的 \n")
    d.add(wrap(prose(rng, 160), 40, True) + "\n")
    d.add("⑵ 協働の原則 \n")
    for n, p in enumerate(pick(rng, PRINCIPLES, 4, 8), 1):
        d.add(f"{circled(n)} {p} \n")
        d.add(wrap(prose(rng, 60), 40, True) + "\n")
        d.item("principles", n, p)
    forms = pick(rng, FORMS[:9], 3, 6)
    d.add("⑶ 協働の形態 \n")
    d.add(wrap("市と市民活動団体等との連携・協力の形態は、従来からのものとしては、" + "、".join(forms) + "などがあります。", 40, True) + "\n")
    for n, f in enumerate(forms, 1):
        d.item("forms", n, f)


def higashikurume(rng, city, d, noise):
    d.add(f"\n\n{city}「協働の指針」\n\n協働ってなあに？\n")
    d.add("協働とは、" + prose(rng, 80) + "\n")
    d.item("definition", 1, "協働")
    principles = pick(rng, PRINCIPLES, 5, 8)
    d.add(f"●●● {len(principles)}つの視点 ●●●\n\n以下の{len(principles)}つの視点を基本に据えます。\n")
    for n, p in enumerate(principles, 1):
        d.add(f"- ({n}) {p}")
        d.item("principles", n, p)
    forms = pick(rng, FORMS, 4, 7)
    d.add(f"\n●●● 協働の形態 ●●●\n\n主な協働の形態としては、(1)～({len(forms)})が想定されます。\n")
    for n, f in enumerate(forms, 1):
        d.add(f"- ({n}) {f}")
        d.item("forms", n, f)
    d.add("")


def hino(rng, city, d, noise):
    d.add(f"\n\n市民活動団体と市との協働のための指針\n\n{city}\n\n<目次>\n\n前文\t1\n1. 協働の定義\t2\n2. 基本的な考え方\t3\n3. 協働の進め方\t4\n")
    d.add("1. 協働の定義\n\n(1) 協働の定義\n\n「協働」とは、" + prose(rng, 80) + "\n")
    d.item("definition", 1, "協働")
    d.add("2. 協働を促進するための基本的な考え方\n")
    for n, p in enumerate(pick(rng, PRINCIPLES, 3, 6), 1):
        d.add(f"({n}) 協働の基盤をつくる～{p}\n\n" + prose(rng, 120) + "\n")
        d.item("principles", n, f"協働の基盤をつくる～{p}")
    d.add("3. 協働の進め方\n")
    for n, s in enumerate(pick(rng, STEPS, 3, 5), 1):
        d.add(f"({n}) {s}\n\n" + prose(rng, 80) + "\n")
        d.item("processes", n, s)


def handbook(rng, city, d, noise):
    d.add(f"\n\n協働推進のためのハンドブック\n\n{city}\n令和5年4月\n\n◆ 協働にふれてみよう＜基礎編＞\n\n(1) 協働の定義\n\n協働とは\n\n" + prose(rng, 90) + "\n")
    d.item("definition", 1, "協働")
    d.add("(2) 協働のパートナー\n\n各主体とその定義\n\n各主体\t定義")
    partners = pick(rng, PARTNERS, 3, 6)
    for n, p in enumerate(partners, 1):
        d.add(f"{p}\t{rng.choice(SENTENCES)}")
        d.item("partners", n, p)
    d.add("\n(3) 協働の原則\n\n基本原則\t原則に基づく市の姿勢・体制")
    for n, p in enumerate(pick(rng, PRINCIPLES, 5, 8), 1):
        d.add(f"{circled(n)}{p}\t市は、{rng.choice(SENTENCES)}")
        d.item("principles", n, p)
    d.add("\n(4) 協働の形態\n\n形 態\t内 容")
    for n, f in enumerate(pick(rng, FORMS, 4, 7), 1):
        d.add(f"{f}\t{rng.choice(SENTENCES)}")
        d.item("forms", n, f)
    d.add("\n◆ 協働事業やってみよう＜実践編＞\n\n1 協働による事業の進め方\n")
    for n, s in enumerate(pick(rng, STEPS, 4, 6), 1):
        d.add(f"({n}) {s}\n\n" + prose(rng, 120) + "\n")
        d.item("processes", n, s)


def ordinance(rng, city, d, noise):
    d.add(f"{city}協働推進条例\n\n（目的）\n第1条 この条例は、協働によるまちづくりを推進することを目的とする。\n\n（定義）\n第2条 この条例において、次の各号に掲げる用語の意義は、当該各号に定めるところによる。")
    d.add("(1) 協働 市民、市民活動団体及び市が、それぞれの役割と責任の下で協力して公共的な課題の解決に取り組むことをいう。\n")
    d.item("definition", 1, "協働")
    d.add("（基本原則）\n第3条 協働は、次に掲げる原則に基づき推進するものとする。")
    for n, p in enumerate(pick(rng, PRINCIPLES, 3, 6), 1):
        d.add(f"({n}) {p} {rng.choice(SENTENCES)}")
        d.item("principles", n, p)
    d.add("\n（協働の形態）\n第4条 協働は、次に掲げる形態により行うものとする。")
    for n, f in enumerate(pick(rng, FORMS, 3, 6), 1):
        d.add(f"({n}) {f}")
        d.item("forms", n, f)
    d.add("")


def webpage(rng, city, d, noise):
    d.add(f"ホーム > 市政情報 > 市民協働\nメニュー\nトップページ\nくらし・手続き\n\n{city} 協働の基本方針\n\n■協働とは\n協働とは、" + prose(rng, 70) + "\n\n■協働の原則")
    d.item("definition", 1, "協働")
    for n, p in enumerate(pick(rng, PRINCIPLES, 3, 6), 1):
        d.add(f"・{p}：{rng.choice(SENTENCES)}")
        d.item("principles", n, p)
    d.add("\n■協働の担い手")
    for n, p in enumerate(pick(rng, PARTNERS, 3, 5), 1):
        d.add(f"・{p}")
        d.item("partners", n, p)
    d.add("")


LAYOUTS = [koganei, higashikurume, hino, handbook, ordinance, webpage]


def noise_lines(rng, lines, old_kanji, widths):
    out = []
    for line in lines:
        if old_kanji:
            line = "".join(OLD_KANJI.get(c, c) if rng.random() < 0.5 else c for c in line)
        if widths:
            line = line.translate(FULLWIDTH)
        out.append(line)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    here = os.path.dirname(os.path.abspath(__file__))
    shutil.copy(os.path.join(here, "..", "corpus", "vocabulary.tsv"), os.path.join(args.out, "vocabulary.tsv"))
    manifest = ["id\tmunicipality\tname\tname_en\tprefecture\tcode\ttitle\tkind\tfile"]
    total = 0
    for i in range(args.n):
        layout = LAYOUTS[i % len(LAYOUTS)] if i < len(LAYOUTS) else rng.choice(LAYOUTS)
        city = f"第{i + 1}市"
        d = Doc()
        layout(rng, city, d, None)
        # Size: log-normal, 5-100 KB, median about 25 KB, padded with background prose.
        target = int(min(100_000, max(5_000, math.exp(rng.gauss(math.log(25_000), 0.6)))))
        d.add("\n参考資料\n")
        while len("\n".join(d.lines).encode("utf-8")) < target:
            d.add(wrap(prose(rng, 400), 40, rng.random() < 0.5) + "\n")
        lines = noise_lines(rng, d.lines, old_kanji=rng.random() < 0.2, widths=rng.random() < 0.3)
        text = "\n".join(lines) + "\n"
        doc_id = f"m{i + 1:05d}-{layout.__name__}"
        encoding = "cp932" if rng.random() < 0.2 else "utf-8"
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            data = text.encode("utf-8")
        with open(os.path.join(args.out, doc_id + ".txt"), "wb") as f:
            f.write(data)
        total += len(data)
        with open(os.path.join(args.out, doc_id + ".expected.tsv"), "w", encoding="utf-8") as f:
            f.write("aspect\tordinal\tlabel\n")
            for aspect, ordinal, label in d.expected:
                f.write(f"{aspect}\t{ordinal}\t{label}\n")
        code = f"{90000 + i % 10000:05d}"
        manifest.append(f"{doc_id}\tm{i + 1:05d}\t{city}\tCity{i + 1}\t試験県\t{code}\t{city}の協働指針\t{layout.__name__}\t{doc_id}.txt")
    with open(os.path.join(args.out, "manifest.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(manifest) + "\n")
    print(f"wrote {args.n} documents, {total / 1e6:.1f} MB, to {args.out}")


if __name__ == "__main__":
    main()
