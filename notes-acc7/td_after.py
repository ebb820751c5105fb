# for candidates after the article's last gold line (first call only), which conditions fail, and kept gold/nongold after h
import re,collections,os,sys
TOK=re.compile(r"\w+"); tk=lambda s: TOK.findall(s.lower())
exp=sys.argv[1]; gd='/work/shared/dev-corpus/gold'
cands=collections.defaultdict(list)
for l in open('/tmp/acc7-td.txt'):
    name=l.split()[0]
    m=re.search(r'n=(\d+) h=(\d+) before=(\d+) tail=(\d+) paired_after=(\d+) near=(\d+) list=(\w+)',l)
    n,h,b,t,pa,nr,lf=m.groups(); n,h,b,t,pa,nr=map(int,(n,h,b,t,pa,nr))
    fails=[]
    if b<400: fails.append('before')
    if t*8>=b: fails.append('tail')
    if pa>=b: fails.append('pafter')
    if lf=='false': fails.append('list')
    if 2*nr>=b: fails.append('near')
    cands[name].append((n,h,tuple(fails),l.split(' found=')[1][:70].rstrip()))
agg=collections.Counter(); aggg=collections.Counter(); ex=collections.defaultdict(list)
for name,cs in cands.items():
    f=name+'.txt'
    table=[t for t in (l.rstrip('\n').split('\t',3) for l in open(os.path.join(exp,f),errors='replace')) if len(t)>=4]
    gold=collections.Counter(tk(open(os.path.join(gd,f),errors='replace').read()))
    rem=gold.copy(); info=[]
    for v,c,ru,t in table:
        tc=collections.Counter(tk(t)); nn=sum(tc.values()); g=sum((tc&rem).values())
        if v=='keep': rem-=tc
        info.append((v,nn,g))
    gl=[i for i,x in enumerate(info) if x[1]>=8 and x[2]/x[1]>0.7]
    if not gl: continue
    last=gl[-1]
    cs=[c for c in cs if c[0]==len(table) and c[1]>last]
    if not cs: continue
    # first candidate after article
    n,h,fails,txt=min(cs,key=lambda c:c[1])
    if not fails: continue
    g=sum(x[2] for x in info[h:] if x[0]=='keep'); b=sum(x[1]-x[2] for x in info[h:] if x[0]=='keep')
    agg[fails]+=b; aggg[fails]+=g; ex[fails].append((b,g,name,h,txt))
for k,v in agg.most_common(): 
    print(v,aggg[k],k)
    for e in sorted(ex[k],reverse=True)[:6]: print('     ',e)
