import os,re,collections,sys
TOK=re.compile(r"\w+")
tk=lambda s: TOK.findall(s.lower())
exp=sys.argv[1]; gd="/work/shared/dev-corpus/gold"
allc=collections.Counter()
for f in sorted(os.listdir(gd)):
    gold=collections.Counter(tk(open(os.path.join(gd,f),errors='replace').read()))
    table=[t for t in (l.rstrip('\n').split('\t',3) for l in open(os.path.join(exp,f),errors='replace')) if len(t)>=4]
    rem=gold.copy(); marks=[]
    for v,c,ru,t in table:
        tc=collections.Counter(tk(t)); n=sum(tc.values()); g=sum((tc&rem).values())
        if v=='keep': rem-=tc
        marks.append((v,n,g,c,ru,t))
    goldlines=[i for i,(v,n,g,c,ru,t) in enumerate(marks) if n and g/n>0.7 and n>=8]
    if not goldlines: continue
    b=goldlines[-1]
    # shape signature of short lines after article: digits->0, words->w
    cnt=collections.Counter(); kept=collections.Counter()
    for i in range(b+1,len(marks)):
        v,n,g,c,ru,t=marks[i]
        if n>12: continue
        sig=re.sub(r'\d+','0',t.strip().lower())
        cnt[sig]+=1
        if v=='keep': kept[sig]+=1
    for s,k in kept.items():
        if k>=3: print(f"{f[:-4]:22} {k:3} {s[:90]}")
