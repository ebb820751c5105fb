# all first-call candidates failing exactly the given condition set: kept gold/nongold after h, tail and before values
import re,collections,os,sys
TOK=re.compile(r"\w+"); tk=lambda s: TOK.findall(s.lower())
exp=sys.argv[1]; gd='/work/shared/dev-corpus/gold'; want=tuple(sys.argv[2].split(','))
rows=[]
tabs={}
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
    if tuple(fails)!=want: continue
    f=name+'.txt'
    if f not in tabs:
        table=[t for t in (x.rstrip('\n').split('\t',3) for x in open(os.path.join(exp,f),errors='replace')) if len(t)>=4]
        gold=collections.Counter(tk(open(os.path.join(gd,f),errors='replace').read()))
        rem=gold.copy(); info=[]
        for v,c,ru,tt in table:
            tc=collections.Counter(tk(tt)); nn=sum(tc.values()); g=sum((tc&rem).values())
            if v=='keep': rem-=tc
            info.append((v,nn,g,tt))
        tabs[f]=info
    info=tabs[f]
    if n!=len(info): continue
    g=sum(x[2] for x in info[h:] if x[0]=='keep'); bb=sum(x[1]-x[2] for x in info[h:] if x[0]=='keep')
    rows.append((name,h,b,t,g,bb,l.split(' found=')[1][:60].rstrip()))
# first per page
seen=set(); out=[]
for r in sorted(rows,key=lambda r:(r[0],r[1])):
    if r[0] in seen: continue
    seen.add(r[0]); out.append(r)
G=sum(r[4] for r in out); B=sum(r[5] for r in out)
print('pages',len(out),'gold',G,'nongold',B)
for r in sorted(out,key=lambda r:-r[4]-r[5])[:int(sys.argv[3])]: print(r)
print('---- tails')
for r in sorted(out,key=lambda r:-r[4]-r[5])[:int(sys.argv[3])]:
    name,h=r[0],r[1]; info=tabs[name+'.txt']
    # walk back to last kept line that looks like prose
    j=h-1; tl=[]
    while j>=0:
        v,nn,g,tt=info[j]
        if v=='keep':
            t=tt.strip()
            if nn>=8 and t[-1:] in '.' : break
            tl.append((nn,g,t[:50]))
        j-=1
    term=sum(1 for x in tl if x[2][-1:] in '.!?')
    print(r[0],r[4],r[5],'tail lines',len(tl),'words',sum(x[0] for x in tl),'gold',sum(x[1] for x in tl), [x[2] for x in tl[::-1][:8]])
