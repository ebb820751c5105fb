import os,re,collections,sys
TOK=re.compile(r"\w+"); tk=lambda s: TOK.findall(s.lower())
exp=sys.argv[1]; gd='/work/shared/dev-corpus/gold'
B=re.compile(r"^([A-Z][\w.'-]+ ){1,3}(is|was|has been|has|writes|covers|lives|serves as|joined)\b")
tot=collections.Counter()
for f in sorted(os.listdir(gd)):
    gold=collections.Counter(tk(open(os.path.join(gd,f),errors='replace').read()))
    table=[t for t in (l.rstrip('\n').split('\t',3) for l in open(os.path.join(exp,f),errors='replace')) if len(t)>=4]
    rem=gold.copy(); info=[]
    for v,c,ru,t in table:
        tc=collections.Counter(tk(t)); n=sum(tc.values()); g=sum((tc&rem).values())
        if v=='keep': rem-=tc
        info.append((v,n,g,ru,t))
    gl=[i for i,x in enumerate(info) if x[1]>=8 and x[2]/x[1]>0.7]
    if not gl: continue
    b=gl[-1]
    for i in range(b+1,len(info)):
        v,n,g,ru,t=info[i]
        if B.match(t) and 12<=n<=120:
            tot[v+('gold' if g>n/2 else 'non')]+=1
            print(f"{f[:20]:20s} {i:4d} {v} {g:3d}/{n:<3d} {ru[:18]:18s} | {info[i-1][4][:40]:40s} | {t[:90]}")
print(tot)
