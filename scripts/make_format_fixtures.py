#!/usr/bin/env python3
"""Generate Kyodo's format fixtures (Tests/Formats/).

Each structured source `Tests/Formats/src/NAME.json` (tune and special) or
`Tests/Formats/holdout/src/NAME.json` (holdout) is written out as the same document in several
formats: NAME.txt (a clean text extraction), NAME.html (a municipal CMS page), NAME.docx (a Word
file with real heading styles and numbering) and NAME.pdf (an A4 print with an embedded IPAex
font) with NAME.pages.tsv (which page of the PDF each non-blank text line is printed on).
It also writes the special PDFs and HTML encodings, the bad files and the 30-page benchmark.

    python3 scripts/make_format_fixtures.py                 # everything
    python3 scripts/make_format_fixtures.py --only NAME     # one source (repeatable)
    python3 scripts/make_format_fixtures.py --no-libreoffice  # keep existing LibreOffice outputs

The JSON schema of the sources, what each special and bad file is and what a reader must do
with it, and the layout of pages.tsv are in Tests/Formats/README.md.

Needs: python3, reportlab, pillow, python-docx, lxml; LibreOffice (soffice) for the fixtures
that go through it; poppler-utils (pdftotext) for pages.tsv of LibreOffice PDFs and the checks.
Everything but the LibreOffice outputs is byte-for-byte deterministic (those too, with the same
LibreOffice: their clock-dependent bytes are fixed in place).
The tests do not run this: its outputs are committed.
"""
import argparse
import copy
import datetime
import html
import io
import json
import os
import random
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib
from pathlib import Path

from reportlab import rl_config

rl_config.invariant = 1  # fixed dates and document ids; must precede the other reportlab imports


from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_CENTER, TA_LEFT  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.pdfencrypt import StandardEncryption  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.lib.utils import ImageReader  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen import canvas as rlcanvas  # noqa: E402
from reportlab.platypus import (BaseDocTemplate, Frame, NextPageTemplate, PageBreak,  # noqa: E402
                                PageTemplate, Paragraph, Spacer, Table, TableStyle)

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ROOT / 'Tests' / 'Formats'
GOTHIC = '/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf'
MINCHO = '/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf'
FIXED_DATE = datetime.datetime(2024, 4, 1, 9, 0, 0, tzinfo=datetime.timezone.utc)
ZIP_DATE = (2024, 4, 1, 9, 0, 0)

pdfmetrics.registerFont(TTFont('IPAexGothic', GOTHIC))
pdfmetrics.registerFont(TTFont('IPAexMincho', MINCHO))
pdfmetrics.registerFontFamily('IPAexGothic', normal='IPAexGothic', bold='IPAexGothic',
                              italic='IPAexGothic', boldItalic='IPAexGothic')
# bold in a Mincho text is set in Gothic, as Japanese print does
pdfmetrics.registerFontFamily('IPAexMincho', normal='IPAexMincho', bold='IPAexGothic',
                              italic='IPAexMincho', boldItalic='IPAexGothic')

FAILURES = []


def fail(msg):
    FAILURES.append(msg)
    print('  FAIL: ' + msg)


# ---------------------------------------------------------------------------------------------
# Markers
# ---------------------------------------------------------------------------------------------

KATAKANA = 'アイウエオカキクケコサシスセソ'
KANJI = '一二三四五六七八九十'
FW = str.maketrans('0123456789', '０１２３４５６７８９')

# style -> (txt marker for n, docx numFmt, docx lvlText with %N for the level, docx w:suff)
STYLES = {
    'bullet': (lambda n: '・', 'bullet', '・', 'nothing'),
    'decimal': (lambda n: f'{n}. ', 'decimal', '%N.', 'space'),
    'paren': (lambda n: f'（{n}）', 'decimal', '（%N）', 'nothing'),
    'fwparen': (lambda n: f'（{str(n).translate(FW)}）', 'decimalFullWidth', '（%N）', 'nothing'),
    'fwdecimal': (lambda n: f'{str(n).translate(FW)}．', 'decimalFullWidth', '%N．', 'nothing'),
    'circled': (lambda n: chr(0x2460 + n - 1), 'decimalEnclosedCircle', '%N', 'nothing'),
    'katakana': (lambda n: KATAKANA[n - 1] + '　', 'aiueoFullWidth', '%N　', 'nothing'),
    'step': (lambda n: f'STEP{n}　', 'decimal', 'STEP%N　', 'nothing'),
    'kanji': (lambda n: KANJI[n - 1] + '　', 'japaneseCounting', '%N　', 'nothing'),
}


def marker(style, n):
    return STYLES[style][0](n)


def list_style(block):
    if 'ul' in block:
        return 'bullet'
    return block.get('style', 'decimal')


def list_items(block):
    return block['ul'] if 'ul' in block else block['ol']


def item_text(item):
    return item if isinstance(item, str) else item['text']


def item_sub(item):
    return None if isinstance(item, str) else item.get('sub')


MD_BOLD = re.compile(r'\*\*(.+?)\*\*')


def plain(text):
    return MD_BOLD.sub(r'\1', text)


def segments(text):
    """[(text, bold)] of a source string with **bold** spans."""
    out, pos = [], 0
    for m in MD_BOLD.finditer(text):
        if m.start() > pos:
            out.append((text[pos:m.start()], False))
        out.append((m.group(1), True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out


# ---------------------------------------------------------------------------------------------
# Units: one per non-blank line of NAME.txt
# ---------------------------------------------------------------------------------------------

def units_of(blocks):
    """Flatten blocks into units, one per text line, each {'kind', ...}."""
    units = []

    def add_list(block, depth):
        style = list_style(block)
        start = block.get('start', 1)
        for i, item in enumerate(list_items(block)):
            lines = item_text(item).split('\n')
            units.append({'kind': 'li', 'marker': marker(style, start + i), 'text': lines[0],
                          'depth': depth, 'style': style})
            for extra in lines[1:]:
                units.append({'kind': 'licont', 'text': extra, 'depth': depth})
            sub = item_sub(item)
            if sub:
                add_list(sub, depth + 1)

    for b in blocks:
        for lvl in range(1, 5):
            if f'h{lvl}' in b:
                units.append({'kind': 'h', 'level': lvl, 'text': b[f'h{lvl}']})
        if 'p' in b:
            for i, line in enumerate(b['p'].split('\n')):
                units.append({'kind': 'p' if i == 0 else 'pcont', 'text': line,
                              'indent': b.get('indent', True)})
        elif 'ul' in b or 'ol' in b:
            add_list(b, 0)
        elif 'dl' in b:
            for term, desc in b['dl']:
                units.append({'kind': 'dt', 'text': term})
                for i, line in enumerate(desc.split('\n')):
                    units.append({'kind': 'dd', 'text': line})
        elif 'table' in b:
            if b.get('caption'):
                units.append({'kind': 'caption', 'text': b['caption']})
            for r, row in enumerate(b['table']):
                units.append({'kind': 'tr', 'cells': row, 'header': r == 0 and b.get('header', True),
                              'widths': b.get('widths')})
        elif 'pagebreak' in b:
            units.append({'kind': 'pagebreak'})
        elif 'columns' in b:
            units.append({'kind': 'columns', 'on': b['columns']})
    return units


def unit_line(u):
    if u['kind'] == 'li':
        return u['marker'] + plain(u['text'])
    if u['kind'] == 'tr':
        return '\t'.join(plain(c) for c in u['cells'])
    return plain(u['text'])


def text_units(units):
    return [u for u in units if u['kind'] not in ('pagebreak', 'columns')]


def make_txt(units):
    """Lines of NAME.txt; sets u['line'] (1-based) on each unit."""
    lines = []
    for u in text_units(units):
        if u['kind'] == 'h':
            if lines and lines[-1] != '':
                lines.append('')
            lines.append(unit_line(u))
            u['line'] = len(lines)
            lines.append('')
        else:
            lines.append(unit_line(u))
            u['line'] = len(lines)
    while lines and lines[-1] == '':
        lines.pop()
    return lines


# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------

def inline_html(text):
    out = []
    for seg, bold in segments(text):
        e = html.escape(seg, quote=False)
        out.append(f'<strong>{e}</strong>' if bold else e)
    return '<br>\n'.join(''.join(out).split('\n'))


def list_html(block, indent, lo=False):
    style = list_style(block)
    markup = block.get('marker', 'markup' if style in ('bullet', 'decimal') else 'text') == 'markup'
    if markup and style not in ('bullet', 'decimal'):
        raise ValueError(f'a {style} list cannot have its marker in markup only')
    tag = 'ul' if style == 'bullet' else 'ol'
    pad = ' ' * indent
    start = block.get('start', 1)
    if markup:
        attrs = f' start="{start}"' if (tag == 'ol' and start != 1) else ''
        if tag == 'ul' and block.get('class'):
            attrs += f' class="{block["class"]}"'
        out = [f'{pad}<{tag}{attrs}>']
    else:
        out = [f'{pad}<{tag} class="{block.get("class", "list-none")}" style="list-style:none">']
    for i, item in enumerate(list_items(block)):
        body = inline_html(item_text(item))
        if not markup:
            body = html.escape(marker(style, start + i), quote=False) + body
        sub = item_sub(item)
        if sub:
            out.append(f'{pad}  <li>{body}')
            out.extend(list_html(sub, indent + 4, lo))
            out.append(f'{pad}  </li>')
        else:
            out.append(f'{pad}  <li>{body}</li>')
    out.append(f'{pad}</{tag}>')
    return out


PAGETOP = '<p class="pagetop"><a href="#top">ページの先頭へ</a></p>'
# planted furniture inside the main content, which a reader drops (a link list, ページの先頭へ);
# the check of the generated page skips these classes, as a reader skips what they hold
FURNITURE_CLASSES = ('pagetop', 'link_box')


def content_html(blocks, indent=4, lo=False, pagetop=False):
    pad = ' ' * indent
    out = []
    tables = 0
    seen_h2 = False
    for b in blocks:
        if pagetop and 'h2' in b:
            if seen_h2:
                out.append(pad + PAGETOP)
            seen_h2 = True
        for lvl in range(1, 5):
            if f'h{lvl}' in b:
                out.append(f'{pad}<h{lvl}>{inline_html(b[f"h{lvl}"])}</h{lvl}>')
        if 'p' in b:
            cls = f' class="{b["class"]}"' if b.get('class') else ''
            out.append(f'{pad}<p{cls}>{inline_html(b["p"])}</p>')
        elif 'ul' in b or 'ol' in b:
            style = list_style(b)
            markup = b.get('marker', 'markup' if style in ('bullet', 'decimal') else 'text') == 'markup'
            if lo and not markup:
                # LibreOffice numbers every <ol>/<ul> it imports, list-style:none or not, so a
                # list whose marker is typed in the text goes to it as typed paragraphs
                out.extend(typed_paragraphs_html(b, pad))
            else:
                out.extend(list_html(b, indent, lo))
        elif 'dl' in b:
            out.append(f'{pad}<dl>')
            for term, desc in b['dl']:
                out.append(f'{pad}  <dt>{inline_html(term)}</dt>')
                out.append(f'{pad}  <dd>{inline_html(desc)}</dd>')
            out.append(f'{pad}</dl>')
        elif 'table' in b:
            tables += 1
            rows = b['table']
            header = b.get('header', True)
            cls = b.get('class', 'datatable')
            out.append(f'{pad}<table class="{cls}">')
            if b.get('caption'):
                out.append(f'{pad}  <caption>{inline_html(b["caption"])}</caption>')
            body_rows = rows
            if header:
                cells = ''.join(f'<th scope="col">{inline_html(c)}</th>' for c in rows[0])
                if b.get('thead', False):
                    out.append(f'{pad}  <thead>')
                    out.append(f'{pad}    <tr>{cells}</tr>')
                    out.append(f'{pad}  </thead>')
                else:
                    out.append(f'{pad}  <tr>{cells}</tr>')
                body_rows = rows[1:]
            if b.get('thead', False):
                out.append(f'{pad}  <tbody>')
            for row in body_rows:
                cells = []
                for j, c in enumerate(row):
                    if j == 0 and b.get('rowheader'):
                        cells.append(f'<th scope="row">{inline_html(c)}</th>')
                    else:
                        cells.append(f'<td>{inline_html(c)}</td>')
                out.append(f'{pad}  <tr>{"".join(cells)}</tr>')
            if b.get('thead', False):
                out.append(f'{pad}  </tbody>')
            out.append(f'{pad}</table>')
    if pagetop and seen_h2:
        out.append(pad + PAGETOP)
    return out


def related_html(src, template):
    """A 関連リンク box of the page's own links (html.related: [titles]): inside <main> after
    the <article> (html5), or at the end of the main div (divs)."""
    titles = src.get('html', {}).get('related')
    if not titles:
        return []
    slug = site_bits(src)['slug']
    links = [f'<li><a href="/{slug}/link{i + 1:02d}.html">{html.escape(t, quote=False)}</a></li>' for i, t in enumerate(titles)]
    if template == 'html5':
        return ['    <section class="related-links">', '      <h2>関連リンク</h2>', '      <ul>'] + \
            ['        ' + x for x in links] + ['      </ul>', '    </section>']
    return ['<div class="link_box">', '<p class="link_ttl">関連リンク</p>', '<ul>'] + links + ['</ul>', '</div>']


def typed_paragraphs_html(block, pad):
    out = []
    style = list_style(block)
    start = block.get('start', 1)
    for i, item in enumerate(list_items(block)):
        text = marker(style, start + i) + item_text(item)
        out.append(f'{pad}<p>{inline_html(text)}</p>')
        sub = item_sub(item)
        if sub:
            out.extend(typed_paragraphs_html(sub, pad))
    return out


GNAVI = ['くらし・手続き', '子育て・教育', '健康・福祉', '環境・まちづくり', '産業・しごと', '観光・文化', '市政情報']
SIDE_DEFAULT = ['市民活動支援センター', '協働事業提案制度', 'まちづくり活動補助金', '自治会・町内会への加入', 'ボランティア情報']


def site_bits(src):
    h = src.get('html', {})
    city = src['city']
    office = h.get('office', city + ('役場' if city.endswith(('町', '村')) else '役所'))
    return {
        'city': city,
        'office': office,
        'dept': src.get('dept', '市民協働課'),
        'title': title_of(src),
        'crumbs': h.get('breadcrumb', ['市政情報', '市民協働']),
        'side': h.get('side', SIDE_DEFAULT),
        'updated': h.get('updated', '2024年4月1日'),
        'page_id': h.get('page_id', '1024'),
        'address': h.get('address', '〒000-0000 ' + city + '中央一丁目1番1号'),
        'tel': h.get('tel', '0000-00-0000'),
        'gnavi': h.get('gnavi', GNAVI),
        'site': h.get('site', city + 'ホームページ'),
        'slug': h.get('slug', 'kyodo'),
    }


def title_of(src):
    for b in src['blocks']:
        if 'h1' in b:
            return plain(b['h1'])
    return src.get('title', src['name'])


def page_html5(src, content, charset_meta):
    s = site_bits(src)
    e = lambda t: html.escape(t, quote=True)  # noqa: E731
    crumbs = ['      <li><a href="/">ホーム</a></li>']
    for i, c in enumerate(s['crumbs']):
        crumbs.append(f'      <li><a href="/{["shisei", "kyodo", "machi", "info"][i % 4]}/">{e(c)}</a></li>')
    crumbs.append(f'      <li aria-current="page">{e(s["title"])}</li>')
    gnavi = '\n'.join(f'        <li><a href="/g{i + 1:02d}/">{e(g)}</a></li>' for i, g in enumerate(s['gnavi']))
    side = '\n'.join(f'        <li><a href="/{s["slug"]}/side{i + 1}.html">{e(t)}</a></li>' for i, t in enumerate(s['side']))
    return f'''<!DOCTYPE html>
<html lang="ja">
<head>
{charset_meta}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(s["title"])}｜{e(s["site"])}</title>
<link rel="stylesheet" href="/shared/css/common.css">
<style>
  main ul {{ list-style-type: "・"; }}
  .breadcrumb ol {{ list-style: none; display: flex; }}
  .breadcrumb li + li::before {{ content: " > "; }}
</style>
</head>
<body>
<a class="skip-link" href="#main">本文へスキップ</a>
<header class="site-header">
  <div class="site-logo"><a href="/"><img src="/shared/img/logo.png" alt="{e(s["site"])}" width="240" height="48"></a></div>
  <div class="site-tools">
    <dl class="font-size"><dt>文字サイズ</dt><dd><button type="button">標準</button><button type="button">拡大</button></dd></dl>
    <dl class="bg-color"><dt>背景色</dt><dd><button type="button">白</button><button type="button">黒</button><button type="button">青</button></dd></dl>
    <a href="/foreign/" lang="en">Foreign Language</a>
  </div>
  <form class="site-search" action="/search/" role="search"><input type="search" name="q" aria-label="サイト内検索"><button type="submit">検索</button></form>
</header>
<nav class="global-nav" aria-label="メインメニュー">
  <ul>
{gnavi}
  </ul>
</nav>
<nav class="breadcrumb" aria-label="現在位置">
  <ol>
{chr(10).join(crumbs)}
  </ol>
</nav>
<div class="wrapper">
  <main id="main">
    <article>
{chr(10).join(content)}
    </article>
{chr(10).join(related_html(src, 'html5'))}
  </main>
  <aside class="side-menu">
    <h2>関連情報</h2>
      <ul>
{side}
      </ul>
    <h2>このページに関するお問い合わせ</h2>
    <p>{e(s["dept"])}<br>電話：{e(s["tel"])}<br><a href="/form/inquiry">お問い合わせフォーム</a></p>
  </aside>
</div>
<div class="page-info"><p>更新日：{e(s["updated"])}</p><p>ページ番号：{e(s["page_id"])}</p><p><a href="#top">ページの先頭へ</a></p></div>
<footer class="site-footer">
  <ul class="footer-links"><li><a href="/sitemap/">サイトマップ</a></li><li><a href="/privacy/">個人情報の取り扱い</a></li><li><a href="/accessibility/">ウェブアクセシビリティ</a></li></ul>
  <address>{e(s["office"])}　{e(s["address"])}<br>電話：{e(s["tel"])}（代表）　開庁時間：平日午前8時30分から午後5時15分まで</address>
  <p class="copyright"><small>Copyright &copy; {e(s["city"])} All Rights Reserved.</small></p>
</footer>
</body>
</html>
'''


def page_divs(src, content, charset_meta, variant=0):
    s = site_bits(src)
    e = lambda t: html.escape(t, quote=True)  # noqa: E731
    ids = [
        {'main': 'tmp_contents', 'crumb': 'pankuzu', 'side': 'side', 'footer': 'footer', 'gnavi': 'gnavi', 'header': 'tmp_header'},
        {'main': 'main', 'crumb': 'topicpath', 'side': 'lnavi', 'footer': 'tmp_footer', 'gnavi': 'gnavi', 'header': 'tmp_header'},
        {'main': 'contents', 'crumb': 'pankuzu', 'side': 'side', 'footer': 'footer', 'gnavi': 'global_navi', 'header': 'header'},
    ][variant % 3]
    crumb = ['<a href="/">ホーム</a>']
    for i, c in enumerate(s['crumbs']):
        crumb.append(f'<a href="/{["shisei", "kyodo", "machi", "info"][i % 4]}/">{e(c)}</a>')
    crumb.append(e(s['title']))
    gnavi = '\n'.join(f'<li class="gnavi{i + 1:02d}"><a href="/g{i + 1:02d}/index.html"><span>{e(g)}</span></a></li>' for i, g in enumerate(s['gnavi']))
    side = '\n'.join(f'<li><a href="/{s["slug"]}/{i + 1:04d}.html">{e(t)}</a></li>' for i, t in enumerate(s['side']))
    main_cls = ' class="main_body"' if variant % 3 == 1 else ''
    return f'''<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="ja" xml:lang="ja">
<head>
{charset_meta}
<title>{e(s["title"])} - {e(s["site"])}</title>
<link href="/shared/style/default.css" rel="stylesheet" type="text/css" media="all" />
<style type="text/css">
#{ids["main"]} ul {{ list-style-type: "・"; }}
</style>
</head>
<body class="format_free">
<div id="tmp_wrapper">
<div id="tmp_noscript">JavaScriptが無効のため、一部の機能をご利用いただけません。</div>
<p class="skip"><a href="#{ids["main"]}">本文へスキップ</a></p>
<div id="{ids["header"]}">
<div id="tmp_hlogo"><p><a href="/"><img src="/shared/images/header/logo.gif" alt="{e(s["site"])}" /></a></p></div>
<div id="tmp_means">
<ul id="tmp_hnavi_s">
<li><a href="/sitemap.html">サイトマップ</a></li>
<li><a href="/foreign/">Foreign Language</a></li>
</ul>
<div id="tmp_means_tool">
<p class="fontsize">文字サイズ <a href="javascript:void(0);" class="fs_s">小</a><a href="javascript:void(0);" class="fs_m">中</a><a href="javascript:void(0);" class="fs_l">大</a></p>
<p class="bgcolor">背景色 <a href="javascript:void(0);">白</a><a href="javascript:void(0);">黒</a><a href="javascript:void(0);">青</a></p>
</div>
<div id="tmp_search"><form action="/search.html"><input type="text" id="tmp_query" name="q" title="サイト内検索" /><input type="submit" value="検索" /></form></div>
</div>
</div>
<div id="{ids["gnavi"]}">
<ul>
{gnavi}
</ul>
</div>
<div id="{ids["crumb"]}">
<div class="pankuzu_inner">
{" &gt; ".join(crumb)}
</div>
</div>
<div id="tmp_wrap_main" class="column_lnavi">
<div id="tmp_main">
<div id="{ids["main"]}"{main_cls}>
{chr(10).join(content + related_html(src, 'divs'))}
</div>
<div id="tmp_update"><p>更新日：{e(s["updated"])}</p><p class="page_id">ページ番号：{e(s["page_id"])}</p></div>
<div id="tmp_inquiry">
<div class="inquiry_ttl">このページに関するお問い合わせ</div>
<p>{e(s["dept"])}<br />電話：{e(s["tel"])}</p>
</div>
</div>
<div id="{ids["side"]}">
<div class="side_box">
<div class="side_ttl">関連情報</div>
<ul>
{side}
</ul>
</div>
<div class="side_box banner"><a href="/kyodo/center.html"><img src="/shared/images/banner/center.gif" alt="市民活動支援センター" /></a></div>
</div>
</div>
<div class="pagetop"><a href="#tmp_wrapper">ページの先頭へ</a></div>
<div id="{ids["footer"]}">
<div class="footer_cnt">
<ul class="footer_link"><li><a href="/privacy.html">個人情報の取り扱い</a></li><li><a href="/accessibility.html">ウェブアクセシビリティ方針</a></li><li><a href="/link.html">リンク集</a></li></ul>
<p class="footer_name">{e(s["office"])}</p>
<p class="footer_address">{e(s["address"])}　電話：{e(s["tel"])}（代表）</p>
<p class="footer_time">開庁時間：月曜日から金曜日の午前8時30分から午後5時15分まで（祝日・年末年始を除く）</p>
</div>
<p class="copyright">Copyright &copy; {e(s["city"])}. All rights reserved.</p>
</div>
</div>
</body>
</html>
'''


def make_html(src, encoding='utf-8', charset_meta=None):
    h = src.get('html', {})
    content = content_html(src['blocks'], 6 if h.get('template', 'html5') == 'html5' else 0, pagetop=h.get('pagetop', False))
    if charset_meta is None:
        charset_meta = '<meta charset="UTF-8">' if h.get('template', 'html5') == 'html5' else \
            '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />'
    if h.get('template', 'html5') == 'html5':
        page = page_html5(src, content, charset_meta)
    else:
        page = page_divs(src, content, charset_meta, h.get('variant', 0))
    if h.get('big_menu'):
        if h.get('template', 'html5') == 'html5':
            anchor = '  </ul>\n</nav>\n<nav class="breadcrumb"'
        else:
            crumb = ['pankuzu', 'topicpath', 'pankuzu'][h.get('variant', 0) % 3]
            anchor = f'</ul>\n</div>\n<div id="{crumb}">'
        if page.count(anchor) != 1:
            raise ValueError(f'{src["name"]}: no place for the big menu')
        head, tail = anchor.split('\n', 1)
        page = page.replace(anchor, head + '\n' + big_menu_html(src) + '\n' + tail, 1)
    return page.encode(encoding)


def big_menu_html(src):
    """A mega menu: every section with a dozen links (the 'big menu' of old CMS pages)."""
    sections = {
        'くらし・手続き': ['住民票・戸籍', '印鑑登録', 'マイナンバー', '税金', '国民健康保険', '国民年金', 'ごみ・リサイクル', '上下水道', '市営住宅', '交通安全', '防犯', '消費生活'],
        '子育て・教育': ['妊娠・出産', '子育て支援', '保育所・幼稚園', '児童手当', 'ひとり親家庭', '小学校・中学校', '学校給食', '放課後児童クラブ', '青少年育成', '生涯学習', '図書館', 'スポーツ'],
        '健康・福祉': ['健康診断', '予防接種', '高齢者福祉', '介護保険', '障害者福祉', '生活保護', '地域福祉', '医療機関', '献血', '健康づくり', '食育', 'こころの相談'],
        '環境・まちづくり': ['都市計画', '道路・河川', '公園・緑化', '環境保全', '地球温暖化対策', '景観', '空き家対策', '公共交通', '住まいづくり', '開発指導', '土地利用', '地籍調査'],
        '防災・安全': ['防災マップ', '避難所一覧', '防災行政無線', '消防団', '救急', '自主防災組織', '災害時要援護者', '備蓄', '気象情報', '防災訓練', '感染症対策', '国民保護'],
        '市政情報': ['市長の部屋', '市の計画', '財政', '市議会', '選挙', '情報公開', '広報', '統計', '職員採用', '入札・契約', '市民協働', '行政改革'],
    }
    out = ['<div id="megamenu">']
    for i, (sec, links) in enumerate(sections.items()):
        out.append(f'<div class="mega_box" id="mega{i + 1:02d}"><p class="mega_ttl"><a href="/m{i + 1:02d}/">{html.escape(sec)}</a></p><ul>')
        for j, link in enumerate(links):
            out.append(f'<li><a href="/m{i + 1:02d}/{j + 1:03d}.html">{html.escape(link)}</a></li>')
        out.append('</ul></div>')
    out.append('</div>')
    return '\n'.join(out)


# --- checking HTML: render the main content to lines and compare with NAME.txt ---------------

def html_lines(data, encoding, main_xpath):
    import lxml.html
    doc = lxml.html.document_fromstring(data.decode(encoding))
    mains = doc.xpath(main_xpath)
    if len(mains) != 1:
        raise ValueError(f'main content {main_xpath}: {len(mains)} elements')
    lines = []
    cur = []

    def flush():
        t = re.sub(r'[ \t\r\n]+', ' ', ''.join(cur)).strip(' ')
        if t:
            lines.append(t)
        cur.clear()

    def inline(el):
        if el.text:
            cur.append(el.text)
        for ch in el:
            walk(ch)
            if ch.tail:
                cur.append(ch.tail)

    def walk(el, counters=None):
        tag = el.tag if isinstance(el.tag, str) else ''
        if set((el.get('class') or '').split()) & set(FURNITURE_CLASSES):
            return
        if tag == 'br':
            flush()
            return
        if tag in ('h1', 'h2', 'h3', 'h4', 'p', 'dt', 'dd', 'caption', 'div', 'article', 'section'):
            flush()
            inline(el)
            flush()
            return
        if tag in ('ul', 'ol'):
            flush()
            none = 'list-style:none' in (el.get('style') or '').replace(' ', '')
            n = int(el.get('start', '1'))
            for li in el:
                if li.tag != 'li':
                    continue
                flush()
                if not none:
                    cur.append('・' if tag == 'ul' else f'{n}. ')
                n += 1
                if li.text:
                    cur.append(li.text)
                for ch in li:
                    walk(ch)
                    if ch.tail:
                        cur.append(ch.tail)
                flush()
            return
        if tag == 'dl':
            for ch in el:
                walk(ch)
            return
        if tag == 'table':
            flush()
            for ch in el.iter('caption'):
                walk(ch)
            for tr in el.iter('tr'):
                cells = []
                for c in tr:
                    if c.tag in ('td', 'th'):
                        cells.append(re.sub(r'[ \t\r\n]+', ' ', c.text_content()).strip(' '))  # (not U+3000)
                lines.append('\t'.join(cells))
            return
        inline(el)

    for ch in mains[0]:
        walk(ch)
    flush()
    return lines


# codecs that must read a legacy-encoded page alike: a page is made only of characters on which
# the variants of its encoding agree (no wave dash, minus sign, NEC circled digits …)
ENCODING_VARIANTS = {'shift_jis': ('shift_jis', 'cp932', 'shift_jis_2004'), 'cp932': ('shift_jis', 'cp932', 'shift_jis_2004'),
                     'euc_jp': ('euc_jp', 'euc_jis_2004')}


def check_encoding(what, data, enc, meta):
    variants = ENCODING_VARIANTS.get(enc.lower().replace('-', '_'))
    if variants:
        texts = set()
        for v in variants:
            try:
                texts.add(data.decode(v))
            except UnicodeDecodeError:
                texts.add(None)
        if len(texts) != 1:
            fail(f'{what}: the {"/".join(variants)} readings differ (a character they map apart)')
        try:
            data.decode('utf-8')
            fail(f'{what}: {enc} page is also valid UTF-8')
        except UnicodeDecodeError:
            pass
    if meta == '' and re.search(rb'charset|encoding=', data, re.I):
        fail(f'{what}: a page without a charset declaration declares one')


def main_xpath_of(src):
    h = src.get('html', {})
    if h.get('template', 'html5') == 'html5':
        return '//main/article'
    return '//*[@id="%s"]' % ['tmp_contents', 'main', 'contents'][h.get('variant', 0) % 3]


def compare_lines(what, got, want):
    # (LibreOffice leaves a space at the end of some paragraphs: no reader sees it.)
    got = [g.rstrip().replace('・ ', '・') for g in got]
    if got == want:
        return True
    for i in range(max(len(got), len(want))):
        g = got[i] if i < len(got) else '<none>'
        w = want[i] if i < len(want) else '<none>'
        if g != w:
            fail(f'{what}: line {i + 1} differs:\n      got  {g!r}\n      want {w!r}')
            return False
    return False


# ---------------------------------------------------------------------------------------------
# DOCX
# ---------------------------------------------------------------------------------------------

W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'


def lvl_xml(ilvl, style):
    _, fmt, text, suff = STYLES[style]
    text = text.replace('%N', f'%{ilvl + 1}')
    left = 420 + 420 * ilvl
    rpr = '<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>' if style == 'bullet' else ''
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:suff w:val="{suff}"/><w:lvlText w:val="{html.escape(text, quote=True)}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="420"/></w:pPr>{rpr}</w:lvl>')


def numbering_xml(lists):
    """lists: [(numId, [style of ilvl 0, style of ilvl 1, ...])]"""
    parts = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{W_NS}">']
    for num_id, styles in lists:
        parts.append(f'<w:abstractNum w:abstractNumId="{num_id}"><w:multiLevelType w:val="hybridMultilevel"/>')
        for ilvl in range(9):
            parts.append(lvl_xml(ilvl, styles[ilvl] if ilvl < len(styles) else 'decimal'))
        parts.append('</w:abstractNum>')
    for num_id, _ in lists:
        parts.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>')
    parts.append('</w:numbering>')
    return ''.join(parts)


def list_levels(block):
    styles = [list_style(block)]
    for item in list_items(block):
        sub = item_sub(item)
        if sub:
            deeper = list_levels(sub)
            for i, s in enumerate(deeper):
                if len(styles) <= i + 1:
                    styles.append(s)
    return styles


def make_docx_python(src, out_path):
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement, parse_xml
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    cfg = src.get('docx', {})
    font = 'IPAexMincho' if cfg.get('font', src.get('pdf', {}).get('font', 'gothic')) == 'mincho' else 'IPAexGothic'
    typed = cfg.get('numbering', 'real') == 'typed'
    d = docx.Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin = sec.right_margin = Mm(cfg.get('margin_mm', 25))
    sec.top_margin = sec.bottom_margin = Mm(cfg.get('margin_mm', 25))

    def set_fonts(rpr_owner_style, name):
        rpr = rpr_owner_style.element.get_or_add_rPr()
        rfonts = rpr.find(qn('w:rFonts'))
        if rfonts is None:
            rfonts = OxmlElement('w:rFonts')
            rpr.insert(0, rfonts)
        for a in list(rfonts.attrib):
            del rfonts.attrib[a]
        for a in ('w:ascii', 'w:hAnsi', 'w:eastAsia', 'w:cs'):
            rfonts.set(qn(a), name)

    normal = d.styles['Normal']
    set_fonts(normal, font)
    normal.font.size = Pt(cfg.get('size', 10.5))
    for name in ('Heading 1', 'Heading 2', 'Heading 3', 'Heading 4', 'Title', 'Caption', 'List Paragraph'):
        st = d.styles[name]
        set_fonts(st, 'IPAexGothic' if name.startswith(('Heading', 'Title', 'Caption')) else font)
        if name.startswith(('Heading', 'Title')):
            st.font.color.rgb = None
            st.font.italic = False
    d.styles['Heading 1'].font.size = Pt(16)
    d.styles['Heading 2'].font.size = Pt(13.5)
    d.styles['Heading 3'].font.size = Pt(12)
    d.styles['Heading 4'].font.size = Pt(11)
    # the template's headings have no space after them, so a heading's line box reaches into
    # the next paragraph's in print (and pdftotext reads the two as side-by-side columns)
    for name in ('Heading 1', 'Heading 2', 'Heading 3', 'Heading 4'):
        d.styles[name].paragraph_format.space_after = Pt(6)
    # the template's Title has a bottom border and theme colour: keep it, only fonts change
    # (docDefaults carry the East Asian font too, for text outside any style)
    rpr_default = d.styles.element.find(qn('w:docDefaults')).find(qn('w:rPrDefault')).find(qn('w:rPr'))
    rf = rpr_default.find(qn('w:rFonts'))
    if rf is None:
        rf = OxmlElement('w:rFonts')
        rpr_default.insert(0, rf)
    for a in list(rf.attrib):
        del rf.attrib[a]
    for a in ('w:ascii', 'w:hAnsi', 'w:eastAsia', 'w:cs'):
        rf.set(qn(a), font)
    lang = rpr_default.find(qn('w:lang'))
    if lang is None:
        lang = OxmlElement('w:lang')
        rpr_default.append(lang)
    lang.set(qn('w:val'), 'en-US')
    lang.set(qn('w:eastAsia'), 'ja-JP')

    def add_runs(p, text):
        for i, line in enumerate(text.split('\n')):
            if i:
                p.add_run().add_break()
            for seg, bold in segments(line):
                r = p.add_run(seg)
                if bold:
                    r.bold = True

    def set_num(p, num_id, ilvl):
        ppr = p._p.get_or_add_pPr()
        numpr = OxmlElement('w:numPr')
        il = OxmlElement('w:ilvl')
        il.set(qn('w:val'), str(ilvl))
        ni = OxmlElement('w:numId')
        ni.set(qn('w:val'), str(num_id))
        numpr.append(il)
        numpr.append(ni)
        # numPr follows pStyle and keepNext/keepLines/pageBreakBefore/framePr/widowControl
        ps = ppr.find(qn('w:pStyle'))
        if ps is not None:
            ps.addnext(numpr)
        else:
            ppr.insert(0, numpr)

    lists = []

    def add_list(block, num_id, ilvl):
        style = list_style(block)
        start = block.get('start', 1)
        for i, item in enumerate(list_items(block)):
            if typed:
                p = d.add_paragraph(style=None)
                p.paragraph_format.left_indent = Pt(10.5 * (1 + ilvl))
                add_runs(p, marker(style, start + i) + item_text(item))
            else:
                p = d.add_paragraph(style='List Paragraph')
                set_num(p, num_id, ilvl)
                add_runs(p, item_text(item))
            sub = item_sub(item)
            if sub:
                add_list(sub, num_id, ilvl + 1)

    for b in src['blocks']:
        for lvl in range(1, 5):
            if f'h{lvl}' in b:
                style = 'Title' if (lvl == 1 and cfg.get('title_style')) else f'Heading {lvl}'
                p = d.add_paragraph(style=style)
                add_runs(p, b[f'h{lvl}'])
                if lvl == 1 and cfg.get('center_title', True):
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if 'p' in b:
            p = d.add_paragraph()
            if b.get('indent', True) and cfg.get('first_line_indent', True):
                p.paragraph_format.first_line_indent = Pt(cfg.get('size', 10.5))
            add_runs(p, b['p'])
        elif 'ul' in b or 'ol' in b:
            num_id = len(lists) + 1
            if not typed:
                if b.get('start', 1) != 1:
                    raise ValueError('start != 1 in a real-numbered docx list')
                lists.append((num_id, list_levels(b)))
            add_list(b, num_id, 0)
        elif 'dl' in b:
            for term, desc in b['dl']:
                p = d.add_paragraph()
                for seg, _ in segments(term):
                    p.add_run(seg).bold = True
                p.paragraph_format.keep_with_next = True
                p = d.add_paragraph()
                p.paragraph_format.left_indent = Pt(21)
                add_runs(p, desc)
        elif 'table' in b:
            if b.get('caption'):
                p = d.add_paragraph(style='Caption')
                add_runs(p, b['caption'])
            rows = b['table']
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = d.styles['Table Grid']
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    para = t.cell(r, c).paragraphs[0]
                    for seg, bold in segments(cell):
                        run = para.add_run(seg)
                        if bold or (r == 0 and b.get('header', True)):
                            run.bold = True
            if b.get('widths'):
                total = sum(b['widths'])
                usable = 210 - 2 * cfg.get('margin_mm', 25)
                for c, w in enumerate(b['widths']):
                    for r in range(len(rows)):
                        t.cell(r, c).width = Mm(usable * w / total)
        elif 'pagebreak' in b and cfg.get('page_breaks', False):
            d.add_page_break()

    if lists or not typed:
        part = d.part.numbering_part
        part._element = parse_xml(numbering_xml(lists).encode('utf-8'))

    if cfg.get('footer'):
        fp = sec.footer.paragraphs[0]
        fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        before, after = cfg['footer'].split('PAGE')
        if before:
            fp.add_run(before)
        fld = parse_xml(f'<w:fldSimple xmlns:w="{W_NS}" w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>')
        fp._p.append(fld)
        if after:
            fp.add_run(after)
    if cfg.get('header'):
        hp = sec.header.paragraphs[0]
        hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        hp.add_run(cfg['header'])
        if cfg.get('header_first_page') is False:
            sec.different_first_page_header_footer = True
            # the first page keeps the page-number footer
            if cfg.get('footer'):
                ffp = sec.first_page_footer.paragraphs[0]
                ffp.alignment = WD_ALIGN_PARAGRAPH.CENTER
                if before:
                    ffp.add_run(before)
                ffp._p.append(copy.deepcopy(fld))
                if after:
                    ffp.add_run(after)

    cp = d.core_properties
    cp.author = src['city'] + src.get('dept', '市民協働課')
    cp.last_modified_by = cp.author
    cp.title = title_of(src)
    cp.created = FIXED_DATE.replace(tzinfo=None)
    cp.modified = FIXED_DATE.replace(tzinfo=None)
    cp.revision = 1
    buf = io.BytesIO()
    d.save(buf)
    data = buf.getvalue()
    if cfg.get('style_ids') in ('word-ja', 'ja-names'):
        data = rename_heading_styles(data, cfg['style_ids'])
    out_path.write_bytes(normalize_zip(data))


def rename_heading_styles(data, how):
    """Heading styles as Japanese Word writes them: styleId "1".."4" (name "heading 1"), or
    ("ja-names") styleId "a1".. with the display name "見出し 1" as some converters write."""
    def fix(name, text):
        if name not in ('word/styles.xml', 'word/document.xml'):
            return text
        def sid(m):
            n, char = m.group(2), m.group(3)
            new = (n + '0') if char else n
            if how == 'ja-names':
                new = 'a' + new
            return f'{m.group(1)}{new}"'
        text = re.sub(r'(w:(?:styleId|val)=")Heading([1-9])(Char)?"', sid, text)
        if how == 'ja-names' and name == 'word/styles.xml':
            text = re.sub(r'<w:name w:val="heading ([1-9])"/>', r'<w:name w:val="見出し \1"/>', text)
            text = re.sub(r'<w:name w:val="Heading ([1-9]) Char"/>', r'<w:name w:val="見出し \1 (文字)"/>', text)
        return text
    return rewrite_zip(data, fix)


def rewrite_zip(data, fn):
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            content = zin.read(info.filename)
            if info.filename.endswith('.xml') or info.filename.endswith('.rels'):
                content = fn(info.filename, content.decode('utf-8')).encode('utf-8')
            zout.writestr(info.filename, content)
    return out.getvalue()


def normalize_zip(data):
    """Same entries, fixed timestamps and attributes, so the bytes do not depend on the clock."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w') as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 0
            zout.writestr(zi, zin.read(info.filename), compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return out.getvalue()


def make_docx_libreoffice(src, out_path, workdir):
    """Main content as a bare HTML page -> LibreOffice Writer -> DOCX."""
    page = ('<!DOCTYPE html>\n<html lang="ja"><head><meta charset="UTF-8"><title>'
            + html.escape(title_of(src)) + '</title></head><body>\n'
            + '\n'.join(content_html(src['blocks'], 0, lo=True)) + '\n</body></html>\n')
    inp = workdir / (src['name'] + '.html')
    inp.write_text(page, encoding='utf-8')
    soffice(['--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', str(inp)], workdir)
    data = (workdir / (src['name'] + '.docx')).read_bytes()
    font = 'IPAexMincho' if src.get('pdf', {}).get('font') == 'mincho' else 'IPAexGothic'

    def fix(name, text):
        if name == 'word/numbering.xml':
            # LibreOffice writes an HTML <ul> as Word's Symbol bullet (U+F0B7 in the Symbol
            # font); the page shows it as ・, so the bullet is made ・ in an East Asian font
            text = text.replace('<w:lvlText w:val="\uf0b7"/>', '<w:lvlText w:val="・"/>')
            text = text.replace('<w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:cs="Symbol" w:hint="default"/>',
                                '<w:rFonts w:hint="eastAsia"/>')
        if name == 'word/styles.xml':
            text = re.sub(r'w:eastAsia="[^"]*"', f'w:eastAsia="{font}"', text)
        if name == 'docProps/core.xml':
            text = re.sub(r'(<dcterms:(?:created|modified)[^>]*>)[^<]*', r'\g<1>2024-04-01T09:00:00Z', text)
        if name == 'docProps/app.xml':
            text = re.sub(r'<TotalTime>[^<]*</TotalTime>', '<TotalTime>0</TotalTime>', text)
        return text
    out_path.write_bytes(normalize_zip(rewrite_zip(data, fix)))


def fix_lo_pdf(data):
    """LibreOffice's PDF with its clock out: the creation date and the document ID (made from
    it) replaced in place by fixed bytes of the same length, so the xref offsets still hold."""
    import hashlib
    data = re.sub(rb'/CreationDate\(D:\d{14}', b'/CreationDate(D:20240401090000', data)
    data = re.sub(rb'<xmp:CreateDate>[^<]*</xmp:CreateDate>',
                  lambda m: (b'<xmp:CreateDate>2024-04-01T09:00:00Z</xmp:CreateDate>').ljust(len(m.group(0)))[:len(m.group(0))], data)
    # (the trailer's /DocChecksum, an MD5 of the file as written, goes the same way)
    digest = hashlib.md5(re.sub(rb'/(?:ID\s*\[[^\]]*\]|DocChecksum\s*/[0-9A-Fa-f]{32})', b'', data)).hexdigest().upper().encode()
    data = re.sub(rb'/DocChecksum\s*/[0-9A-Fa-f]{32}', lambda m: m.group(0)[:-32] + digest, data)
    return re.sub(rb'/ID\s*\[\s*<[0-9A-Fa-f]{32}>\s*<[0-9A-Fa-f]{32}>',
                  lambda m: re.sub(rb'<[0-9A-Fa-f]{32}>', b'<' + digest + b'>', m.group(0)), data)


def soffice(args, workdir):
    profile = workdir / 'lo-profile'
    cmd = ['soffice', f'-env:UserInstallation=file://{profile}', '--headless', '--norestore'] + args + ['--outdir', str(workdir)]
    r = subprocess.run(cmd, cwd=workdir, capture_output=True, text=True, timeout=300)
    if r.returncode != 0:
        raise RuntimeError('soffice failed: ' + r.stderr + r.stdout)


# --- checking DOCX: render paragraphs with their numbering, compare with NAME.txt -------------

def docx_lines(path, tab_suffix_as=' '):
    from lxml import etree
    z = zipfile.ZipFile(path)
    ns = {'w': W_NS}
    W = '{%s}' % W_NS
    doc = etree.fromstring(z.read('word/document.xml'))
    nums, abstract = {}, {}
    if 'word/numbering.xml' in z.namelist():
        numx = etree.fromstring(z.read('word/numbering.xml'))
        for an in numx.findall('w:abstractNum', ns):
            levels = {}
            for lvl in an.findall('w:lvl', ns):
                get = lambda tag: (lvl.find(f'w:{tag}', ns).get(W + 'val') if lvl.find(f'w:{tag}', ns) is not None else None)  # noqa: E731
                levels[int(lvl.get(W + 'ilvl'))] = {'fmt': get('numFmt'), 'text': get('lvlText') or '',
                                                    'start': int(get('start') or 1), 'suff': get('suff') or 'tab'}
            abstract[an.get(W + 'abstractNumId')] = levels
        for n in numx.findall('w:num', ns):
            nums[n.get(W + 'numId')] = n.find('w:abstractNumId', ns).get(W + 'val')
    counters = {}

    def fmt(kind, n):
        if kind in ('decimal', None):
            return str(n)
        if kind == 'decimalFullWidth':
            return str(n).translate(FW)
        if kind == 'decimalEnclosedCircle':
            return chr(0x2460 + n - 1)
        if kind in ('aiueoFullWidth', 'aiueo'):
            return KATAKANA[n - 1]
        if kind == 'japaneseCounting':
            return KANJI[n - 1]
        if kind == 'none':
            return ''
        raise ValueError('numFmt ' + kind)

    def number(num_id, ilvl):
        an = nums.get(num_id)
        if an is None or num_id == '0':
            return ''
        levels = abstract[an]
        c = counters.setdefault(num_id, [0] * 9)
        lv = levels[ilvl]
        c[ilvl] = (c[ilvl] or lv['start'] - 1) + 1
        for deeper in range(ilvl + 1, 9):
            c[deeper] = 0
        if lv['fmt'] == 'bullet':
            text = lv['text']
        else:
            text = lv['text']
            for k in range(9):
                if f'%{k + 1}' in text:
                    text = text.replace(f'%{k + 1}', fmt(levels[k]['fmt'], c[k] or levels[k]['start']))
        suff = {'tab': tab_suffix_as, 'space': ' ', 'nothing': ''}[lv['suff']]
        return text + suff

    def para_text(p):
        out = []
        for el in p.iter(W + 't', W + 'tab', W + 'br', W + 'cr'):
            if el.tag == W + 't':
                out.append(el.text or '')
            elif el.tag == W + 'tab':
                if el.getparent().tag == W + 'r':
                    out.append('\t')
            else:
                out.append('\n')
        return ''.join(out)

    lines = []
    body = doc.find('w:body', ns)
    for el in body:
        if el.tag == W + 'p':
            text = para_text(el)
            numpr = el.find('w:pPr/w:numPr', ns)
            if numpr is not None and text.strip():
                ilvl = numpr.find('w:ilvl', ns)
                text = number(numpr.find('w:numId', ns).get(W + 'val'), int(ilvl.get(W + 'val')) if ilvl is not None else 0) + text
            for line in text.split('\n'):
                if line.strip():
                    lines.append(line)
        elif el.tag == W + 'tbl':
            for tr in el.findall('w:tr', ns):
                cells = []
                for tc in tr.findall('w:tc', ns):
                    cells.append(''.join(para_text(p) for p in tc.findall('w:p', ns)))
                lines.append('\t'.join(cells))
    return lines


def docx_has_numpr(path):
    x = zipfile.ZipFile(path).read('word/document.xml').decode('utf-8')
    return x.count('<w:numPr>')


# ---------------------------------------------------------------------------------------------
# PDF (reportlab)
# ---------------------------------------------------------------------------------------------

class PageLog:
    def __init__(self):
        self.pages = {}
        self.columns = {}  # page -> [(x, width)] of its columns, for the two-column pages
        self.last = {}  # line -> the page its last part is printed on

    def saw(self, line, page):
        self.pages.setdefault(line, page)
        self.last[line] = page

    def split_lines(self):
        """Lines of the text printed across a page break."""
        return sorted(ln for ln, pg in self.pages.items() if self.last[ln] != pg)


class LP(Paragraph):
    """A paragraph that logs which page it starts on."""

    def __init__(self, text, style, line=None, log=None, **kw):
        super().__init__(text, style, **kw)
        self._line, self._log = line, log

    def split(self, aW, aH):
        parts = super().split(aW, aH)
        for p in parts:
            p._line, p._log = self._line, self._log
        return parts

    def draw(self):
        if self._log is not None and self._line is not None:
            self._log.saw(self._line, self.canv.getPageNumber())
        super().draw()


class LT(Table):
    """A one-row table (a table row of the text) that logs its page."""

    def __init__(self, data, line=None, log=None, **kw):
        super().__init__(data, **kw)
        self._line, self._log = line, log

    def draw(self):
        if self._log is not None and self._line is not None:
            self._log.saw(self._line, self.canv.getPageNumber())
        super().draw()


def rl_escape(text):
    out = []
    for seg, bold in segments(text):
        e = html.escape(seg, quote=False)
        out.append(f'<b>{e}</b>' if bold else e)
    return ''.join(out)


def pdf_styles(cfg):
    body_font = 'IPAexMincho' if cfg.get('font') == 'mincho' else 'IPAexGothic'
    size = cfg.get('size', 10.5)
    lead = cfg.get('leading', size * 1.7)
    base = ParagraphStyle('body', fontName=body_font, fontSize=size, leading=lead, wordWrap='CJK',
                          spaceAfter=cfg.get('para_space', 2))
    st = {
        'body': base,
        'h1': ParagraphStyle('h1', base, fontName='IPAexGothic', fontSize=size + 7, leading=(size + 7) * 1.5,
                             alignment=TA_CENTER if cfg.get('center_title', True) else TA_LEFT,
                             spaceBefore=cfg.get('title_space', 30), spaceAfter=cfg.get('title_space', 30) * 0.8),
        'h2': ParagraphStyle('h2', base, fontName='IPAexGothic', fontSize=size + 3, leading=(size + 3) * 1.5,
                             spaceBefore=size * 1.4, spaceAfter=size * 0.5, keepWithNext=1,
                             backColor=colors.HexColor('#e8eef4') if cfg.get('h2_band') else None,
                             borderPadding=(2, 2, 2, 2) if cfg.get('h2_band') else 0),
        'h3': ParagraphStyle('h3', base, fontName='IPAexGothic', fontSize=size + 1.5, leading=(size + 1.5) * 1.5,
                             spaceBefore=size * 0.9, spaceAfter=size * 0.3, keepWithNext=1),
        'h4': ParagraphStyle('h4', base, fontName='IPAexGothic', fontSize=size + 0.5, leading=(size + 0.5) * 1.5,
                             spaceBefore=size * 0.6, keepWithNext=1),
        'caption': ParagraphStyle('caption', base, fontName='IPAexGothic', fontSize=size - 0.5, spaceBefore=4,
                                  keepWithNext=1),
        'cell': ParagraphStyle('cell', base, fontSize=size - 1, leading=(size - 1) * 1.45, spaceAfter=0),
        'cellh': ParagraphStyle('cellh', base, fontName='IPAexGothic', fontSize=size - 1, leading=(size - 1) * 1.45,
                                spaceAfter=0),
        'dt': ParagraphStyle('dt', base, fontName='IPAexGothic', keepWithNext=1, spaceAfter=0),
    }
    return st


def flowables_of(units, cfg, log, frame_width):
    st = pdf_styles(cfg)
    size = st['body'].fontSize
    out = []
    pending_table = []

    def flush_table():
        if not pending_table:
            return
        ncols = len(pending_table[0]['cells'])
        widths = pending_table[0].get('widths')
        if not widths:
            longest = [max(len(plain(u['cells'][c])) for u in pending_table) for c in range(ncols)]
            widths = [min(max(n, 4), 40) for n in longest]
        total = sum(widths)
        col_w = [frame_width * w / total for w in widths]
        for i, u in enumerate(pending_table):
            style = st['cellh'] if u['header'] else st['cell']
            cells = [Paragraph(rl_escape(c), style) for c in u['cells']]
            ts = [('GRID', (0, 0), (-1, -1), 0.5, colors.black), ('VALIGN', (0, 0), (-1, -1), 'TOP'),
                  ('TOPPADDING', (0, 0), (-1, -1), 2), ('BOTTOMPADDING', (0, 0), (-1, -1), 3)]
            if u['header']:
                ts.append(('BACKGROUND', (0, 0), (-1, -1), colors.HexColor('#dddddd')))
            t = LT([cells], line=u['line'], log=log, colWidths=col_w)
            t.setStyle(TableStyle(ts))
            t.hAlign = 'LEFT'
            out.append(t)
        out.append(Spacer(1, size * 0.6))
        pending_table.clear()

    for u in units:
        if u['kind'] != 'tr':
            flush_table()
        k = u['kind']
        if k == 'tr':
            pending_table.append(u)
            continue
        if k == 'pagebreak':
            out.append(PageBreak())
            continue
        if k == 'columns':
            continue
        line = u.get('line')
        if k == 'h':
            out.append(LP(rl_escape(u['text']), st[f'h{u["level"]}'], line, log))
        elif k == 'p':
            s = ParagraphStyle('p', st['body'], firstLineIndent=size if (u.get('indent', True) and cfg.get('first_line_indent', True)) else 0)
            out.append(LP(rl_escape(u['text']), s, line, log))
        elif k == 'pcont':
            out.append(LP(rl_escape(u['text']), st['body'], line, log))
        elif k in ('li', 'licont'):
            ind = size * (1 + 1.5 * u['depth'])
            s = ParagraphStyle('li', st['body'], leftIndent=ind + (size * 1.2 if k == 'licont' else 0), spaceAfter=1)
            text = (u['marker'] if k == 'li' else '') + u['text']
            out.append(LP(rl_escape(text), s, line, log))
        elif k == 'dt':
            out.append(LP(rl_escape(u['text']), st['dt'], line, log))
        elif k == 'dd':
            out.append(LP(rl_escape(u['text']), ParagraphStyle('dd', st['body'], leftIndent=size * 2), line, log))
        elif k == 'caption':
            out.append(LP(rl_escape(u['text']), st['caption'], line, log))
    flush_table()
    return out


def page_number_text(style, n, total):
    if style == 'dash':
        return f'- {n} -'
    if style == 'slash':
        return f'{n}/{total}'
    if style == 'fwdash':
        return f'－{str(n).translate(FW)}－'
    if style == 'page':
        return f'{n} ページ'
    return str(n)


def build_reportlab_pdf(src, units, out_path, cfg=None, encrypt=None):
    cfg = cfg if cfg is not None else src.get('pdf', {})
    margin = cfg.get('margin_mm', 20) * mm
    W, H = A4
    total = [None]

    def decorate(c, doc):
        n = doc.page
        c.saveState()
        c.setFont('IPAexGothic', 9)
        hdr = cfg.get('running_header')
        if hdr and (n > 1 or cfg.get('header_first_page', False)):
            c.drawRightString(W - margin, H - margin * 0.6, hdr)
            c.setLineWidth(0.4)
            c.line(margin, H - margin * 0.6 - 3, W - margin, H - margin * 0.6 - 3)
        foot = cfg.get('footer_line')
        if foot:
            c.drawString(margin, margin * 0.45, foot)
        pn = cfg.get('page_number', 'dash')
        if pn != 'none' and (n > 1 or cfg.get('number_first_page', True)):
            t = page_number_text(pn, n, total[0] or 0)
            if foot:
                c.drawRightString(W - margin, margin * 0.45, t)
            else:
                c.drawCentredString(W / 2, margin * 0.45, t)
        c.restoreState()

    def build(target):
        log = PageLog()
        kw = dict(pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=margin, bottomMargin=margin,
                  title=title_of(src), author=src['city'] + src.get('dept', '市民協働課'), creator='Kyodo fixtures',
                  producer='ReportLab', invariant=1, subject='', keywords='')
        if encrypt is not None:
            kw['encrypt'] = encrypt()
        doc = BaseDocTemplate(target, **kw)
        fw = W - 2 * margin
        one = PageTemplate('one', [Frame(margin, margin, fw, H - 2 * margin, id='f', leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)], onPage=decorate)
        gap = 8 * mm
        cw = (fw - gap) / 2

        def decorate_two(c, doc):
            # each column's strip, split in the middle of the gap (the header and footer go
            # with the column they stand over)
            mid = margin + cw + gap / 2
            log.columns[doc.page] = [(0, mid), (mid, W - mid)]
            decorate(c, doc)

        two = PageTemplate('two', [Frame(margin, margin, cw, H - 2 * margin, id='l', leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0),
                                   Frame(margin + cw + gap, margin, cw, H - 2 * margin, id='r', leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)],
                           onPage=decorate_two)
        doc.addPageTemplates([one, two])
        story = []
        # columns: {"columns": 2} starts two-column pages at the next page, {"columns": 1} returns
        chunk = []
        col_w = fw
        for u in units:
            if u['kind'] == 'columns':
                story.extend(flowables_of(chunk, cfg, log, col_w))
                chunk = []
                if u['on'] == 2:
                    story.append(NextPageTemplate('two'))
                    story.append(PageBreak())
                    col_w = cw
                else:
                    story.append(NextPageTemplate('one'))
                    story.append(PageBreak())
                    col_w = fw
            else:
                chunk.append(u)
        story.extend(flowables_of(chunk, cfg, log, col_w))
        doc.build(story)
        return log, doc.page

    log, pages = build(io.BytesIO())
    total[0] = pages
    # (a file-like target is written as it is: str() of a BytesIO would name a file in the cwd)
    log, pages = build(str(out_path) if isinstance(out_path, (str, os.PathLike)) else out_path)
    return log, pages


# ---------------------------------------------------------------------------------------------
# pages.tsv
# ---------------------------------------------------------------------------------------------

def pdf_page_texts(path, password=None, columns=None):
    """pdftotext's text of each page; a page in `columns` (page -> [(x, width)] in points) is
    read strip by strip, left column first."""
    n = pdf_page_count(path, password)
    texts = []
    for p in range(1, n + 1):
        if columns and p in columns:
            texts.append(''.join(pdf_strip_text(path, p, x, w, password) for x, w in columns[p]))
            continue
        cmd = ['pdftotext', '-q', '-f', str(p), '-l', str(p), '-enc', 'UTF-8']
        if password:
            cmd += ['-upw', password]
        texts.append(subprocess.run(cmd + [str(path), '-'], capture_output=True, check=True).stdout.decode('utf-8'))
    return texts


def pdf_strip_text(path, page, x, width, password=None):
    """The text of a vertical strip of a page (whole height), at pdftotext's 72 dpi = points."""
    cmd = ['pdftotext', '-q', '-f', str(page), '-l', str(page), '-enc', 'UTF-8', '-r', '72',
           '-x', str(int(round(x))), '-y', '0', '-W', str(int(round(width))), '-H', str(int(A4[1]) + 1)]
    if password:
        cmd += ['-upw', password]
    return subprocess.run(cmd + [str(path), '-'], capture_output=True, check=True).stdout.decode('utf-8')


def pdf_page_count(path, password=None):
    cmd = ['pdfinfo'] + (['-upw', password] if password else []) + [str(path)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return int(re.search(r'^Pages:\s+(\d+)', out, re.M).group(1))


def squash(t):
    return re.sub(r'\s+', '', t)


def match_pages(units, page_texts, what):
    """Page of each text unit, found by searching its text in pdftotext's output, in order."""
    flat = ''
    bounds = []
    for t in page_texts:
        flat += squash(t)
        bounds.append(len(flat))

    def page_at(pos):
        for i, b in enumerate(bounds):
            if pos < b:
                return i + 1
        return len(bounds)

    cursor = 0
    result = {}
    for u in text_units(units):
        if u['kind'] == 'tr':
            cells = [squash(plain(c)) for c in u['cells']]
            key = max(cells, key=len)[:6]
        else:
            key = squash(plain(u['text']))[:16]
            if u['kind'] == 'li':
                key = squash(u['marker'] + plain(u['text']))[:16]
        if not key:
            continue
        pos = flat.find(key, cursor)
        if pos < 0 and u['kind'] == 'li':
            key = squash(plain(u['text']))[:12]
            pos = flat.find(key, cursor)
        if pos < 0:
            fail(f'{what}: line {u["line"]} not found in pdftotext output: {key!r}')
            continue
        result[u['line']] = page_at(pos)
        # (a table's rows are each looked for from where the table starts: pdftotext may read
        # a printed table column by column)
        if u['kind'] != 'tr':
            cursor = pos + len(key)
    return result


def check_pdf_text(units, page_texts, what):
    """Every text line's whole text is in the PDF text (tables: every cell), in order."""
    flat = squash(''.join(page_texts))
    cursor = 0
    missing = 0
    for u in text_units(units):
        if u['kind'] == 'tr':
            for c in u['cells']:
                if squash(plain(c))[:6] not in flat:
                    missing += 1
                    fail(f'{what}: cell {c!r} of line {u["line"]} not in PDF text')
            continue
        t = squash(unit_line(u))
        pos = flat.find(t, cursor)
        if pos < 0:
            t2 = squash(plain(u['text']))
            pos = flat.find(t2, cursor)
            if pos < 0:
                # a line split by a page break has the running header and page number inside it
                pos = flat.find(t2[:10], cursor)
                if pos < 0:
                    missing += 1
                    fail(f'{what}: line {u["line"]} text not in PDF text in order: {unit_line(u)!r}')
                    continue
        cursor = pos
    return missing == 0


def write_pages_tsv(path, pages):
    rows = ['line\tpage'] + [f'{ln}\t{pg}' for ln, pg in sorted(pages.items())]
    path.write_text('\n'.join(rows) + '\n', encoding='utf-8')


# ---------------------------------------------------------------------------------------------
# Fixtures from sources
# ---------------------------------------------------------------------------------------------

def out_dir(src):
    return FORMATS / src['set']


def write_txt(path, lines):
    path.write_text('\n'.join(lines) + '\n', encoding='utf-8')


def make_fixture(src, use_lo, workroot):
    name = src['name']
    outs = src.get('outputs', ['txt', 'html', 'docx', 'pdf'])
    d = out_dir(src)
    d.mkdir(parents=True, exist_ok=True)
    units = units_of(src['blocks'])
    lines = make_txt(units)
    nonblank = [ln for ln in lines if ln.strip()]
    print(f'{src["set"]}/{name}: {len(lines)} lines')
    write_txt(d / f'{name}.txt', lines)
    work = workroot / name
    work.mkdir(parents=True, exist_ok=True)

    if 'html' in outs:
        h = src.get('html', {})
        enc = h.get('encoding', 'utf-8')
        meta = h.get('charset_meta')
        data = make_html(src, enc, meta)
        (d / f'{name}.html').write_bytes(data)
        got = html_lines(data, enc, main_xpath_of(src))
        compare_lines(f'{name}.html', got, nonblank)
        check_encoding(f'{name}.html', data, enc, meta)

    docx_path = d / f'{name}.docx'
    if 'docx' in outs:
        via = src.get('docx', {}).get('via', 'python-docx')
        if via == 'libreoffice':
            if use_lo or not docx_path.exists():
                make_docx_libreoffice(src, docx_path, work)
            got = docx_lines(docx_path, tab_suffix_as=' ')
        else:
            make_docx_python(src, docx_path)
            got = docx_lines(docx_path)
        compare_lines(f'{name}.docx', got, nonblank)
        print(f'  docx: {docx_has_numpr(docx_path)} numbered paragraphs (w:numPr)')

    if 'pdf' in outs:
        pdf_path = d / f'{name}.pdf'
        cfg = src.get('pdf', {})
        if cfg.get('via') == 'libreoffice':
            if use_lo or not pdf_path.exists():
                # the DOCX as an author would print it from Word: through LibreOffice Writer
                tmp_docx = work / f'{name}-print.docx'
                src2 = copy.deepcopy(src)
                src2.setdefault('docx', {})
                src2['docx'].update(cfg.get('docx', {}))
                if src.get('docx', {}).get('via') == 'libreoffice':
                    src2['docx']['via'] = 'python-docx'
                make_docx_python(src2, tmp_docx)
                soffice(['--convert-to', 'pdf:writer_pdf_Export', str(tmp_docx)], work)
                pdf_path.write_bytes(fix_lo_pdf((work / f'{name}-print.pdf').read_bytes()))
            texts = pdf_page_texts(pdf_path)
            pages = match_pages(units, texts, f'{name}.pdf')
        else:
            log, _ = build_reportlab_pdf(src, units, pdf_path)
            # (pdftotext reads a page whose second column is short across both columns, row by
            # row: a two-column page is read here column by column, each column's strip cut out
            # with -x/-W, which is the reading order a reader must find.)
            texts = pdf_page_texts(pdf_path, columns=log.columns)
            pages = log.pages
            if any('columns' in b for b in src['blocks']):
                if not log.columns:
                    fail(f'{name}.pdf: no two-column page')
                for pg, strips in sorted(log.columns.items()):
                    for x, w in strips:
                        if not squash(pdf_strip_text(pdf_path, pg, x, w)):
                            fail(f'{name}.pdf: page {pg} has an empty column at x={x:.0f}')
            if cfg.get('expect_split') and not log.split_lines():
                fail(f'{name}.pdf: no paragraph is split across a page break')
            if log.split_lines():
                print(f'  pdf: lines across a page break: {log.split_lines()}')
            matched = match_pages(units, texts, f'{name}.pdf')
            if matched != pages:
                diff = [(k, pages.get(k), matched.get(k)) for k in sorted(set(pages) | set(matched)) if pages.get(k) != matched.get(k)]
                fail(f'{name}.pdf: reportlab pages and pdftotext pages differ at {diff[:5]}')
        check_pdf_text(units, texts, f'{name}.pdf')
        write_pages_tsv(d / f'{name}.pages.tsv', pages)
        want_lines = {u['line'] for u in text_units(units)}
        if set(pages) != want_lines:
            fail(f'{name}.pages.tsv: {len(want_lines - set(pages))} lines without a page')
        n = len(texts)
        print(f'  pdf: {n} pages')
        lo_hi = cfg.get('expect_pages', [2, 6])
        if not (lo_hi[0] <= n <= lo_hi[1]):
            fail(f'{name}.pdf has {n} pages, want {lo_hi[0]}–{lo_hi[1]}')
    return units, lines


# ---------------------------------------------------------------------------------------------
# Special fixtures
# ---------------------------------------------------------------------------------------------

def wrap_for_image(draw, text, font, width):
    lines, cur = [], ''
    for ch in text:
        if draw.textlength(cur + ch, font=font) > width and cur:
            # keep closing punctuation on the line (kinsoku, roughly)
            if ch in '、。）」』':
                cur += ch
                continue
            lines.append(cur)
            cur = ch
        else:
            cur += ch
    if cur:
        lines.append(cur)
    return lines


def page_image(units, dpi=150, seed=0, page_no=None):
    """An A4 page image of the text units as a scanner would give it (grey, slightly skewed)."""
    from PIL import Image, ImageDraw, ImageFont
    w, h = int(210 / 25.4 * dpi), int(297 / 25.4 * dpi)
    img = Image.new('L', (w, h), 255)
    dr = ImageDraw.Draw(img)
    body = ImageFont.truetype(MINCHO, int(dpi * 10.5 / 72))
    head = ImageFont.truetype(GOTHIC, int(dpi * 13 / 72))
    x0, y = int(dpi * 0.9), int(dpi * 0.9)
    width = w - 2 * x0
    for u in units:
        k = u['kind']
        if k == 'h':
            y += int(dpi * 0.12)
            dr.text((x0, y), plain(u['text']), font=head, fill=30)
            y += int(head.size * 1.8)
            continue
        if k == 'tr':
            text = '　'.join(plain(c) for c in u['cells'])
        else:
            text = unit_line(u)
        indent = int(body.size * (1 + u.get('depth', 0))) if k in ('li', 'licont', 'dd') else 0
        for i, ln in enumerate(wrap_for_image(dr, text, body, width - indent)):
            dr.text((x0 + indent, y), ln, font=body, fill=40)
            y += int(body.size * 1.75)
    if y > h - int(dpi * 0.8):
        raise ValueError('a scanned page overflows its image')
    if page_no is not None:
        label = f'- {page_no} -'
        dr.text(((w - dr.textlength(label, font=body)) // 2, h - int(dpi * 0.6)), label, font=body, fill=60)
    rng = random.Random(seed)
    img = img.rotate(rng.uniform(-0.5, 0.5), resample=Image.BILINEAR, fillcolor=255)
    # a little scanner dust
    px = img.load()
    for _ in range(400):
        px[rng.randrange(w), rng.randrange(h)] = rng.randrange(120, 220)
    return img


def split_pages(units):
    """The text units of each page, split at the pagebreak markers."""
    pages, cur = [], []
    for u in units:
        if u['kind'] == 'pagebreak':
            pages.append(cur)
            cur = []
        elif u['kind'] != 'columns':
            cur.append(u)
    pages.append(cur)
    return pages


def make_scanned(src, work):
    """scanned.pdf: every page an image only (no text layer); scanned-mixed.pdf: the same pages
    with text, but those in scan.mixed_image_pages (default [2]), which are images."""
    d = FORMATS / 'special'
    d.mkdir(parents=True, exist_ok=True)
    units = units_of(src['blocks'])
    make_txt(units)
    pages = split_pages(units)
    image_pages = set(src.get('scan', {}).get('mixed_image_pages', [2]))
    if not image_pages or not image_pages < set(range(1, len(pages) + 1)):
        raise ValueError('scanned-mixed needs some text pages and some image pages')
    images = []
    for i, pu in enumerate(pages):
        img = page_image(pu, seed=i + 1, page_no=i + 1)
        p = work / f'scan-{i + 1}.png'
        img.save(p, optimize=True)
        images.append(p)

    body = ParagraphStyle('b', fontName='IPAexMincho', fontSize=10.5, leading=18, wordWrap='CJK')
    headst = ParagraphStyle('h', fontName='IPAexGothic', fontSize=13, leading=20, wordWrap='CJK', spaceBefore=6)

    def text_page(c, pu, n):
        """A page laid out as real text (reportlab canvas), as the image of it shows it."""
        W, H = A4
        y = H - 0.9 * 72
        x0 = 0.9 * 72
        for u in pu:
            st = headst if u['kind'] == 'h' else body
            text = unit_line(u) if u['kind'] != 'tr' else '　'.join(plain(x) for x in u['cells'])
            indent = 10.5 * (1 + u.get('depth', 0)) if u['kind'] in ('li', 'licont', 'dd') else 0
            p = Paragraph(html.escape(text, quote=False), st)
            _, ph = p.wrap(W - 2 * x0 - indent, H)
            y -= ph + (8 if u['kind'] == 'h' else 2)
            p.drawOn(c, x0 + indent, y)
        if y < 72:
            raise ValueError('a text page of scanned-mixed overflows')
        c.setFont('IPAexMincho', 10.5)
        c.drawCentredString(W / 2, 0.6 * 72 - 10.5, f'- {n} -')

    def image_pdf(path, text_pages=()):
        W, H = A4
        c = rlcanvas.Canvas(str(path), pagesize=A4, invariant=1)
        c.setTitle('')
        c.setCreator('Scanner')
        c.setProducer('ReportLab')
        for i, imgp in enumerate(images):
            if i + 1 in text_pages:
                text_page(c, pages[i], i + 1)
            else:
                c.drawImage(ImageReader(str(imgp)), 0, 0, width=W, height=H)
            c.showPage()
        c.save()

    image_pdf(d / 'scanned.pdf')
    text_pages = [n for n in range(1, len(pages) + 1) if n not in image_pages]
    image_pdf(d / 'scanned-mixed.pdf', text_pages)
    # scanned-mixed.txt holds what its text layer has (the text pages, in order), with the page
    # each line is printed on; scanned.image-text.txt what the images of scanned.pdf show
    mixed_units = [u for n in text_pages for u in pages[n - 1]]
    write_txt(d / 'scanned-mixed.txt', make_txt(mixed_units))
    page_of = {}
    for n in text_pages:
        for u in pages[n - 1]:
            page_of[u['line']] = n
    write_pages_tsv(d / 'scanned-mixed.pages.tsv', page_of)
    texts = pdf_page_texts(d / 'scanned-mixed.pdf')
    check_pdf_text(mixed_units, [texts[n - 1] for n in text_pages], 'scanned-mixed.pdf')
    if match_pages(mixed_units, texts, 'scanned-mixed.pdf') != page_of:
        fail('scanned-mixed.pdf: pages differ')
    if any(squash(texts[n - 1]) for n in image_pages):
        fail(f'scanned-mixed.pdf image pages {sorted(image_pages)} have text')
    if any(squash(t) for t in pdf_page_texts(d / 'scanned.pdf')):
        fail('scanned.pdf has text')
    write_txt(d / 'scanned.image-text.txt', make_txt(units))
    print(f'special/scanned: {len(pages)} image pages, scanned-mixed: text pages {text_pages}, image pages {sorted(image_pages)}')


def make_encrypted(src, work):
    d = FORMATS / 'special'
    d.mkdir(parents=True, exist_ok=True)
    units = units_of(src['blocks'])
    lines = make_txt(units)
    cfg = dict(src.get('pdf', {}))
    _, n1 = build_reportlab_pdf(src, units, d / 'encrypted.pdf', cfg,
                                encrypt=lambda: StandardEncryption('secret', ownerPassword='owner-secret', canPrint=1,
                                                                   canModify=0, canCopy=1, canAnnotate=0, strength=128))
    # owner-only: no user password, the owner password forbids copying, changing and annotating
    # (restrictions a viewer honours; a text reader still reads it, as poppler does)
    log, n2 = build_reportlab_pdf(src, units, d / 'owner-only.pdf', cfg,
                                  encrypt=lambda: StandardEncryption('', ownerPassword='owner-secret', canPrint=1,
                                                                     canModify=0, canCopy=0, canAnnotate=0, strength=128))
    write_txt(d / 'encrypted.txt', lines)
    write_txt(d / 'owner-only.txt', lines)
    write_pages_tsv(d / 'encrypted.pages.tsv', log.pages)
    write_pages_tsv(d / 'owner-only.pages.tsv', log.pages)
    r = subprocess.run(['pdftotext', str(d / 'encrypted.pdf'), '-'], capture_output=True)
    if r.returncode == 0:
        fail('encrypted.pdf opened without a password')
    texts = pdf_page_texts(d / 'encrypted.pdf', password='secret')
    check_pdf_text(units, texts, 'encrypted.pdf (password secret)')
    info = subprocess.run(['pdfinfo', str(d / 'owner-only.pdf')], capture_output=True, text=True, check=True).stdout
    if not re.search(r'^Encrypted:\s+yes.*copy:no', info, re.M):
        fail('owner-only.pdf is not encrypted with copying forbidden: ' + info)
    texts = pdf_page_texts(d / 'owner-only.pdf')
    check_pdf_text(units, texts, 'owner-only.pdf')
    if match_pages(units, texts, 'owner-only.pdf') != log.pages:
        fail('owner-only.pdf pages differ')
    print(f'special/encrypted: {n1} pages; owner-only: {n2} pages')


# ---------------------------------------------------------------------------------------------
# Bad files
# ---------------------------------------------------------------------------------------------

CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
      '</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>')
DOC_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n')
DOC_OPEN = f'<w:document xmlns:w="{W_NS}"><w:body>'
DOC_CLOSE = '<w:sectPr/></w:body></w:document>'


def para(text):
    return f'<w:p><w:r><w:t>{text}</w:t></w:r></w:p>'


def tiny_docx(entries):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w') as z:
        for name, data in entries:
            zi = zipfile.ZipInfo(name, ZIP_DATE)
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return buf.getvalue()


def zip_bomb(path, size):
    """A valid DOCX whose word/document.xml inflates to `size` bytes: the XML is well-formed
    (one w:t holding `size` - overhead spaces) and is deflated streaming, never held in memory."""
    head = (DOC_HEAD + DOC_OPEN + '<w:p><w:r><w:t xml:space="preserve">').encode()
    tail = ('</w:t></w:r></w:p>' + DOC_CLOSE).encode()
    fill = size - len(head) - len(tail)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
    crc = zlib.crc32(head)
    chunks = [comp.compress(head)]
    block = b' ' * (1 << 20)
    left = fill
    while left > 0:
        piece = block if left >= len(block) else block[:left]
        crc = zlib.crc32(piece, crc)
        chunks.append(comp.compress(piece))
        left -= len(piece)
    crc = zlib.crc32(tail, crc)
    chunks.append(comp.compress(tail))
    chunks.append(comp.flush())
    data = b''.join(chunks)
    crc &= 0xffffffff
    if size >= 0xffffffff:
        raise ValueError('zip64 not written here')
    out = io.BytesIO()
    central = []
    dos_time = (9 << 11) | (0 << 5) | 0
    dos_date = ((2024 - 1980) << 9) | (4 << 5) | 1

    def local(name, payload, usize, ucrc, method):
        off = out.tell()
        nb = name.encode()
        out.write(struct.pack('<IHHHHHIIIHH', 0x04034b50, 20, 0, method, dos_time, dos_date, ucrc, len(payload), usize, len(nb), 0))
        out.write(nb)
        out.write(payload)
        central.append((nb, method, ucrc, len(payload), usize, off))

    for name, content in (('[Content_Types].xml', CT.encode()), ('_rels/.rels', RELS.encode())):
        local(name, content, len(content), zlib.crc32(content) & 0xffffffff, 0)
    local('word/document.xml', data, size, crc, 8)
    cd_off = out.tell()
    for nb, method, ucrc, csize, usize, off in central:
        out.write(struct.pack('<IHHHHHHIIIHHHHHII', 0x02014b50, 20, 20, 0, method, dos_time, dos_date, ucrc, csize, usize,
                              len(nb), 0, 0, 0, 0, 0o644 << 16, off))
        out.write(nb)
    cd_size = out.tell() - cd_off
    out.write(struct.pack('<IHHHHIIH', 0x06054b50, 0, 0, len(central), len(central), cd_size, cd_off, 0))
    path.write_bytes(out.getvalue())


def make_bad(small_pdf_src, work, bomb_size):
    d = FORMATS / 'bad'
    d.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20240401)
    # truncated.pdf: a real two-page PDF cut in half
    units = units_of(small_pdf_src['blocks'])
    make_txt(units)
    full = work / 'full.pdf'
    build_reportlab_pdf(small_pdf_src, units, full, dict(small_pdf_src.get('pdf', {})))
    data = full.read_bytes()
    (d / 'truncated.pdf').write_bytes(data[:len(data) // 2])
    # not-really.pdf
    (d / 'not-really.pdf').write_bytes(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n' + bytes(rng.randrange(256) for _ in range(4096)))
    # a small good docx to cut
    good = tiny_docx([('[Content_Types].xml', CT), ('_rels/.rels', RELS),
                      ('word/document.xml', DOC_HEAD + DOC_OPEN + ''.join(para(f'協働の原則その{i}。市民と市は対等な立場で話し合い、目的を共有して取り組みます。') for i in range(1, 60)) + DOC_CLOSE)])
    (d / 'truncated.docx').write_bytes(good[:len(good) // 2])
    zip_bomb(d / 'zip-bomb.docx', bomb_size)
    laughs = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE w:document [\n  <!ENTITY lol "lol">\n'
              + ''.join(f'  <!ENTITY lol{i} "{("&lol;" if i == 1 else f"&lol{i - 1};") * 10}">\n' for i in range(1, 10))
              + ']>\n' + DOC_OPEN + para('&lol9;') + DOC_CLOSE)
    (d / 'billion-laughs.docx').write_bytes(tiny_docx([('[Content_Types].xml', CT), ('_rels/.rels', RELS), ('word/document.xml', laughs)]))
    xxe = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE w:document [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n'
           + DOC_OPEN + para('協働の原則') + para('&xxe;') + DOC_CLOSE)
    (d / 'xxe.docx').write_bytes(tiny_docx([('[Content_Types].xml', CT), ('_rels/.rels', RELS), ('word/document.xml', xxe)]))
    # deep.docx: tables nested in table cells, 1,000+ elements deep
    depth = 334
    deep = DOC_HEAD + DOC_OPEN + '<w:tbl><w:tr><w:tc>' * depth + para('深い表の中の段落') + '</w:tc></w:tr></w:tbl>' * depth + DOC_CLOSE
    (d / 'deep.docx').write_bytes(tiny_docx([('[Content_Types].xml', CT), ('_rels/.rels', RELS), ('word/document.xml', deep)]))
    (d / 'no-document.docx').write_bytes(tiny_docx([('[Content_Types].xml', CT), ('_rels/.rels', RELS),
                                                    ('word/styles.xml', f'<?xml version="1.0"?><w:styles xmlns:w="{W_NS}"/>')]))
    (d / 'deep.html').write_text('<!DOCTYPE html>\n<html lang="ja"><head><meta charset="UTF-8"><title>深い入れ子</title></head><body>\n'
                                 + '<div>' * 1000 + '<p>協働とは、市民と市が力を合わせることをいいます。</p>' + '</div>' * 1000
                                 + '\n</body></html>\n', encoding='utf-8')
    (d / 'xxe.html').write_text('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n'
                                '<html xmlns="http://www.w3.org/1999/xhtml" lang="ja"><head><meta charset="UTF-8"/><title>外部実体</title></head>\n'
                                '<body><h1>協働の原則</h1><p>&xxe;</p><p>対等の原則：市民と市は対等な立場で協働します。</p></body></html>\n',
                                encoding='utf-8')
    (d / 'empty.html').write_bytes(b'<html></html>')
    (d / 'binary.html').write_bytes(b'<html' + bytes(rng.randrange(256) for _ in range(4096)))
    for f in sorted(d.iterdir()):
        if f.suffix != '.md' and f.stat().st_size > 32 * 1024 and f.name != 'zip-bomb.docx':
            fail(f'bad/{f.name} is {f.stat().st_size} bytes (> 32 KB)')
    print(f'bad: {len(list(d.iterdir()))} files; zip-bomb.docx {(d / "zip-bomb.docx").stat().st_size} bytes -> {bomb_size} bytes')


# ---------------------------------------------------------------------------------------------
# The 30-page benchmark
# ---------------------------------------------------------------------------------------------

BENCH_TOPICS = ['地域の見守り', '子育ての支え合い', '防災への備え', '環境の保全', '高齢者の居場所づくり', '公園の管理', '商店街のにぎわい',
                '多文化共生', '若者の地域参加', '空き家の活用', '文化財の保存', '健康づくり', '地域の交通', '学校との連携', '河川の清掃']
BENCH_PARTNERS = ['自治会', '町内会', 'NPO法人', 'ボランティア団体', '事業者', '大学', '社会福祉協議会', 'PTA', '商店会', '地区社会福祉協議会']
BENCH_VERBS = ['話し合いを重ね', '役割を分け合い', '情報を持ち寄り', '互いの強みを生かし', '小さな実践を積み重ね', '成果を振り返り']
BENCH_ENDS = ['取り組みを広げてきました。', '課題の解決に結び付けています。', '参加する人を少しずつ増やしています。',
              '次の世代への引継ぎを進めています。', '活動の質を高めています。', '地域の信頼を得てきました。']


def bench_source(n_chapters):
    rng = random.Random(30)
    blocks = [{'h1': '架空市協働のまちづくり推進ハンドブック（詳細版）'},
              {'p': '令和6年4月　架空市市民生活部市民協働課', 'indent': False},
              {'p': '「協働」とは、市民、地域の団体、事業者及び市が、共通の目的に向かって、それぞれの特性を生かし、対等な立場で力を合わせて取り組むことをいいます。'}]
    for ch in range(1, n_chapters + 1):
        topic = BENCH_TOPICS[(ch - 1) % len(BENCH_TOPICS)]
        blocks.append({'h2': f'第{ch}章　{topic}と協働'})
        for sec in range(1, 4):
            blocks.append({'h3': f'{ch}－{sec}　{topic}の{["現状", "取組", "これから"][sec - 1]}'})
            for _ in range(3):
                a, b = rng.sample(BENCH_PARTNERS, 2)
                s = ''.join(f'{rng.choice(BENCH_PARTNERS)}と市が{rng.choice(BENCH_VERBS)}、{topic}について{rng.choice(BENCH_ENDS)}'
                            for _ in range(rng.randint(2, 4)))
                blocks.append({'p': f'{a}や{b}は、{s}'})
        rows = [['年度', '事業数', '参加団体数', '主な形態']]
        for y in range(1, 6):
            rows.append([f'令和{y}年度', str(rng.randint(3, 40)), str(rng.randint(5, 90)), rng.choice(['委託', '補助', '共催', '後援', '事業協力'])])
        blocks.append({'table': rows, 'caption': f'表{ch}　{topic}に関する協働事業の推移'})
        blocks.append({'ul': [f'{p}との意見交換を年{rng.randint(2, 6)}回行う' for p in rng.sample(BENCH_PARTNERS, 3)]})
    return {'name': 'thirty-pages', 'set': 'bench', 'city': '架空市', 'dept': '市民協働課', 'blocks': blocks,
            'pdf': {'font': 'mincho', 'size': 10.5, 'page_number': 'slash', 'running_header': '架空市協働のまちづくり推進ハンドブック',
                    'expect_pages': [30, 30]}}


def make_bench():
    d = FORMATS / 'bench'
    d.mkdir(parents=True, exist_ok=True)
    lo, hi = 1, 60
    chosen = None
    # the fewest chapters that fill 30 pages
    while lo <= hi:
        mid = (lo + hi) // 2
        src = bench_source(mid)
        units = units_of(src['blocks'])
        make_txt(units)
        _, pages = build_reportlab_pdf(src, units, io.BytesIO())
        if pages >= 30:
            chosen, hi = (mid, pages), mid - 1
        else:
            lo = mid + 1
    src = bench_source(chosen[0])
    units = units_of(src['blocks'])
    lines = make_txt(units)
    write_txt(d / 'thirty-pages.txt', lines)
    log, pages = build_reportlab_pdf(src, units, d / 'thirty-pages.pdf')
    write_pages_tsv(d / 'thirty-pages.pages.tsv', log.pages)
    if pages != 30:
        fail(f'bench has {pages} pages')
    size = (d / 'thirty-pages.pdf').stat().st_size
    if size > 400 * 1024:
        fail(f'bench is {size} bytes')
    print(f'bench/thirty-pages: {chosen[0]} chapters, {pages} pages, {size} bytes')


# ---------------------------------------------------------------------------------------------

def load_sources():
    srcs = []
    for p in sorted((FORMATS / 'src').glob('*.json')) + sorted((FORMATS / 'holdout' / 'src').glob('*.json')):
        s = json.loads(p.read_text(encoding='utf-8'))
        if s['name'] != p.stem:
            raise ValueError(f'{p}: name {s["name"]} != file name')
        srcs.append(s)
    return srcs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--only', action='append', help='only this source (repeatable), or bad / bench')
    ap.add_argument('--no-libreoffice', action='store_true', help='keep existing LibreOffice outputs')
    ap.add_argument('--bomb-mib', type=int, default=128, help='inflated size of zip-bomb.docx in MiB')
    args = ap.parse_args()
    use_lo = not args.no_libreoffice
    only = set(args.only or [])
    work = Path(tempfile.mkdtemp(prefix='kyodo-fixtures-'))
    try:
        for src in load_sources():
            if only and src['name'] not in only:
                continue
            kind = src.get('special')
            if kind == 'scanned':
                make_scanned(src, work)
            elif kind == 'encrypted':
                make_encrypted(src, work)
            else:
                make_fixture(src, use_lo, work)
        if not only or 'bad' in only:
            small = next(s for s in load_sources() if s['name'] == 'encrypted')
            make_bad(small, work, args.bomb_mib << 20)
        if not only or 'bench' in only:
            make_bench()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if FAILURES:
        print(f'\n{len(FAILURES)} problem(s)')
        sys.exit(1)
    print('\nall checks passed')


if __name__ == '__main__':
    main()
