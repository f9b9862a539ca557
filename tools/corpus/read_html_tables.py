#!/usr/bin/env python3
"""A reading aid for writing expected files: prints every <table> of an HTML
page as a grid of cell texts (spans expanded, "^" marking a cell covered by
a span), with Python's own html.parser, not gongkai; with a second argument,
also the text of the paragraphs outside tables (prefixed "P").

Usage: tools/corpus/read_html_tables.py PAGE.html [p]
"""
import sys, html.parser, re
class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(); s.tables=[]; s.stack=[]; s.cell=None; s.text=[]; s.cur=[]
    def handle_starttag(s,t,a):
        a=dict(a)
        if t=='table': s.stack.append([]); 
        elif t=='tr' and s.stack: s.stack[-1].append([])
        elif t in('td','th') and s.stack: s.cell=[ '', int(a.get('rowspan') or 1), int(a.get('colspan') or 1)]
        elif t in ('p','br','div') and s.cell is not None: s.cell[0]+=' '
        elif t in ('p','div','h1','h2','h3'): s.flush()
    def handle_endtag(s,t):
        if t in('td','th') and s.cell is not None and s.stack and s.stack[-1]:
            s.stack[-1][-1].append(s.cell); s.cell=None
        elif t=='table' and s.stack: s.tables.append(s.stack.pop())
        elif t in ('p','div','h1','h2','h3'): s.flush()
    def flush(s):
        t=''.join(s.cur).strip()
        if t: s.text.append(t)
        s.cur=[]
    def handle_data(s,d):
        if s.cell is not None: s.cell[0]+=d
        elif not s.stack: s.cur.append(d)
p=P(); p.feed(open(sys.argv[1],encoding='utf-8',errors='replace').read())
for ti,t in enumerate(p.tables):
    # expand spans
    grid={}; 
    for r,row in enumerate(t):
        c=0
        for txt,rs,cs in row:
            while (r,c) in grid: c+=1
            for dr in range(rs):
                for dc in range(cs): grid[(r+dr,c+dc)]=re.sub(r'\s+','',txt) if (dr,dc)==(0,0) else '^'
            c+=cs
    if not grid: continue
    R=max(k[0] for k in grid)+1; C=max(k[1] for k in grid)+1
    print(f'== table {ti}: {R}x{C}')
    for r in range(R): print(r, ' | '.join(grid.get((r,c),'') for c in range(C)))
if len(sys.argv)>2:
    for t in p.text: print('P', t[:300])
