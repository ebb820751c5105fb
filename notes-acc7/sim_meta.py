import re,collections,os,sys
TOK=re.compile(r"\w+"); tk=lambda s: TOK.findall(s.lower())
exp='/tmp/acc7-ex'; gd='/work/shared/dev-corpus/gold'
M=set(sys.argv[1].split(','))
MAXGAP=int(sys.argv[2]); MAXW=int(sys.argv[3]); K=int(sys.argv[4])
tot=collections.Counter(); rows=[]
for f in sorted(os.listdir(gd)):
    gold=collections.Counter(tk(open(os.path.join(gd,f),errors='replace').read()))
    table=[t for t in (l.rstrip('\n').split('\t',3) for l in open(os.path.join(exp,f),errors='replace')) if len(t)>=4]
    rem=gold.copy(); info=[]
    for v,c,ru,t in table:
        tc=collections.Counter(tk(t)); n=sum(tc.values()); g=sum((tc&rem).values())
        if v=='keep': rem-=tc
        info.append((v,n,g,ru,t))
    meta=[i for i,x in enumerate(info) if x[3] in M]
    # build runs
    runs=[];cur=[]
    for m in meta:
        if cur and m-cur[-1]<=MAXGAP and all(info[j][1]<=MAXW for j in range(cur[-1]+1,m)) and m-cur[-1]>1:
            cur.append(m)
        else:
            if len(cur)>=K: runs.append(cur)
            cur=[m]
    if len(cur)>=K: runs.append(cur)
    for r in runs:
        gap=r[1]-r[0]-1
        s=max(0,r[0]-gap); e=r[-1]
        before=sum(info[j][1] for j in range(s) if info[j][0]=='keep')
        if before<100: continue
        g=sum(info[j][2] for j in range(s,e+1) if info[j][0]=='keep')
        b=sum(info[j][1]-info[j][2] for j in range(s,e+1) if info[j][0]=='keep')
        ds=f.split('-')[0]
        tot[ds+'g']+=g; tot[ds+'b']+=b
        rows.append((g,b,f,s,e,len(r)))
rows.sort(key=lambda r:(-r[0],-r[1]))
for r in rows[:30]: print(r)
print(len(rows),dict(tot))
