# simulate: for TD candidates failing only on given conditions, what would dropping everything kept after h cost/gain
import re,collections,os,sys
TOK=re.compile(r"\w+"); tk=lambda s: TOK.findall(s.lower())
exp='/tmp/acc7-ex'; gd='/work/shared/dev-corpus/gold'
allow=set(sys.argv[1].split(','))
cands=collections.defaultdict(list)
for l in open('/tmp/acc7-td.txt'):
    name=l.split()[0]
    m=re.search(r'h=(\d+) before=(\d+) tail=(\d+) paired_after=(\d+) near=(\d+) list=(\w+)',l)
    h,b,t,pa,nr,lf=m.groups(); h,b,t,pa,nr=map(int,(h,b,t,pa,nr))
    if b<400: continue
    fails=set()
    if t*8>=b: fails.add('tail')
    if pa>=b: fails.add('paired_after')
    if lf=='false': fails.add('list')
    if 2*nr>=b: fails.add('near')
    txt=l.split(' found=')[1].split(' ',1)[1].rstrip('\n') if ' found=' in l else ''
    cands[name].append((h,fails,txt))
G=B=0;rows=[]
for name,cs in cands.items():
    # first candidate that fires or is allowed
    pick=None
    f=name+'.txt'
    table=[t for t in (l.rstrip('\n').split('\t',3) for l in open(os.path.join(exp,f),errors='replace')) if len(t)>=4]
    cs=[c for c in cs if c[0]<len(table) and table[c[0]][3].strip()==c[2].strip()]
    for h,f,_ in sorted(cs):
        if not f: break
        if f<=allow: pick=h;break
    if pick is None: continue
    f=name+'.txt'
    gold=collections.Counter(tk(open(os.path.join(gd,f),errors='replace').read()))
    table=[t for t in (l.rstrip('\n').split('\t',3) for l in open(os.path.join(exp,f),errors='replace')) if len(t)>=4]
    rem=gold.copy(); g=b=0
    for i,(v,c,ru,t) in enumerate(table):
        tc=collections.Counter(tk(t)); n=sum(tc.values()); gg=sum((tc&rem).values())
        if v=='keep':
            rem-=tc
            if i>=pick: g+=gg; b+=n-gg
    G+=g;B+=b; rows.append((g,b,name,pick))
rows.sort(key=lambda r:-r[0])
for r in rows[:25]: print(r)
print('pages',len(rows),'gold lost',G,'nongold dropped',B)
