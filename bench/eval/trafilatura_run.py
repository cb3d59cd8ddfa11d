#!/usr/bin/env python3
"""Runs trafilatura on every page of an evaluation corpus, in one process.

usage: trafilatura_run.py CORPUS_DIR OUT_DIR

Writes OUT_DIR/KIND/ID.txt for the kinds html (ID.html.gz), pasted-html
(ID.clip.html.gz) and pasted-text (ID.txt.gz, given as one <p> per line, as
trafilatura reads only HTML; scripts/eval/corpus.mjs does the same for
Readability). Prints one JSON object on stdout: trafilatura's version, and
per kind the seconds taken and the pages that failed. Progress goes to stderr.
"""
import gzip, html, json, logging, sys, time
from pathlib import Path

import trafilatura

KINDS = [('html', '.html.gz'), ('pasted-html', '.clip.html.gz'), ('pasted-text', '.txt.gz')]


def paragraphs(text):
    """Pasted text as HTML: one <p> per non-blank line, escaped."""
    lines = (line.strip() for line in text.split('\n'))
    return '<html><body>' + ''.join(f'<p>{html.escape(l, quote=False)}</p>' for l in lines if l) + '</body></html>'


def progress(label, done, total):
    """Updated in place on a terminal, one line per run in a log."""
    if sys.stderr.isatty():
        print(f'\r{label} {done}/{total}', end='\n' if done == total else '', file=sys.stderr, flush=True)
    elif done == total:
        print(f'{label} {done}/{total}', file=sys.stderr, flush=True)


def main():
    corpus, out = Path(sys.argv[1]), Path(sys.argv[2])
    # trafilatura and its helpers log a warning for every page they find
    # little in; the failures that matter are reported below.
    logging.disable(logging.WARNING)
    rows = [json.loads(l) for l in open(corpus / 'truth.jsonl', encoding='utf-8') if l.strip()]
    report = {'version': trafilatura.__version__, 'seconds': {}, 'failures': {}}
    for kind, suffix in KINDS:
        (out / kind).mkdir(parents=True, exist_ok=True)
        failures, started = [], time.perf_counter()
        for i, row in enumerate(rows, 1):
            raw = gzip.decompress((corpus / f"{row['id']}{suffix}").read_bytes()).decode('utf-8', errors='replace')
            page = paragraphs(raw) if kind == 'pasted-text' else raw
            try:
                text = trafilatura.extract(page, url=row['url'], favor_precision=False,
                                           include_comments=False, include_tables=True) or ''
            except Exception as e:  # one bad page must not end the run
                failures.append({'id': row['id'], 'message': str(e)})
                text = ''
            (out / kind / f"{row['id']}.txt").write_text(text, encoding='utf-8')
            progress(f'trafilatura {kind}', i, len(rows))
        report['seconds'][kind] = time.perf_counter() - started
        report['failures'][kind] = failures
    json.dump(report, sys.stdout)
    print()


if __name__ == '__main__':
    main()
