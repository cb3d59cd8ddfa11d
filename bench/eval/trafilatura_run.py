#!/usr/bin/env python3
"""Runs trafilatura on every page of an evaluation corpus, in one process.

usage: trafilatura_run.py CORPUS_DIR TRUTH_JSONL OUT_DIR [--metadata]

TRUTH_JSONL (truth.jsonl or cases.jsonl) lists the pages: id and url.
Writes OUT_DIR/KIND/ID.txt for the kinds html (ID.html.gz), pasted-html
(ID.clip.html.gz) and pasted-text (ID.txt.gz, given as one <p> per line, as
trafilatura reads only HTML; bench/eval/corpus.mjs does the same for
Readability): the text of `extract()`. With --metadata also
OUT_DIR/KIND/metadata.jsonl, one {id, title, author, date} a page, from
`bare_extraction(with_metadata=True)`, or `extract_metadata()` where that
finds no body and returns nothing. Prints one JSON object on stdout:
trafilatura's version, and per kind the seconds `extract()` took (metadata
not counted) and the pages that failed. Progress goes to stderr.
"""
import gzip, html, json, logging, re, sys, time
from pathlib import Path

import trafilatura
from trafilatura.metadata import extract_metadata

KINDS = [('html', '.html.gz'), ('pasted-html', '.clip.html.gz'), ('pasted-text', '.txt.gz')]
OPTIONS = dict(favor_precision=False, include_comments=False, include_tables=True)


def paragraphs(text):
    """Pasted text as HTML: one <p> per non-blank line, escaped."""
    lines = (line.strip() for line in text.split('\n'))
    return '<html><body>' + ''.join(f'<p>{html.escape(l, quote=False)}</p>' for l in lines if l) + '</body></html>'


def metadata(page, url):
    doc = trafilatura.bare_extraction(page, url=url, with_metadata=True, **OPTIONS)
    if doc is None:
        doc = extract_metadata(page, default_url=url)
    return {'title': doc.title, 'author': doc.author, 'date': doc.date}


def progress(label, done, total):
    """Updated in place on a terminal, one line per run in a log."""
    if sys.stderr.isatty():
        print(f'\r{label} {done}/{total}', end='\n' if done == total else '', file=sys.stderr, flush=True)
    elif done == total:
        print(f'{label} {done}/{total}', file=sys.stderr, flush=True)


def main():
    corpus, truth, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    with_metadata = '--metadata' in sys.argv[4:]
    # trafilatura and its helpers log a warning for every page they find
    # little in; the failures that matter are reported below.
    logging.disable(logging.WARNING)
    rows = [json.loads(l) for l in open(truth, encoding='utf-8') if l.strip()]
    report = {'version': trafilatura.__version__, 'seconds': {}, 'failures': {}}
    for kind, suffix in KINDS:
        (out / kind).mkdir(parents=True, exist_ok=True)
        failures, seconds, found = [], 0.0, []
        for i, row in enumerate(rows, 1):
            # The page's address with the page's HTML only (a paste comes
            # without one), and only a web address: some corpora name pages
            # otherwise.
            url = row.get('url') if kind == 'html' and re.match(r'https?://', row.get('url') or '', re.I) else None
            raw = gzip.decompress((corpus / f"{row['id']}{suffix}").read_bytes()).decode('utf-8', errors='replace')
            page = paragraphs(raw) if kind == 'pasted-text' else raw
            started = time.perf_counter()
            try:
                text = trafilatura.extract(page, url=url, **OPTIONS) or ''
            except Exception as e:  # one bad page must not end the run
                failures.append({'id': row['id'], 'message': str(e)})
                text = ''
            seconds += time.perf_counter() - started
            (out / kind / f"{row['id']}.txt").write_text(text, encoding='utf-8')
            if with_metadata:
                try:
                    found.append({'id': row['id'], **metadata(page, url)})
                except Exception as e:
                    failures.append({'id': row['id'], 'message': f'metadata: {e}'})
            progress(f'trafilatura {corpus.name} {kind}', i, len(rows))
        if with_metadata:
            with open(out / kind / 'metadata.jsonl', 'w', encoding='utf-8') as f:
                f.writelines(json.dumps(m, ensure_ascii=False) + '\n' for m in found)
        report['seconds'][kind] = seconds
        report['failures'][kind] = failures
    json.dump(report, sys.stdout)
    print()


if __name__ == '__main__':
    main()
