import os,re,collections,sys
TOK=re.compile(r"\w+")
tk=lambda s: TOK.findall(s.lower())
exp=sys.argv[1]; gd="/work/shared/dev-corpus/gold"
out=[]
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
    rules=collections.Counter(); kept=0
    for i in range(b+1,len(marks)):
        v,n,g,c,ru,t=marks[i]
        if v=='keep': kept+=n-g
        elif c in('social','credit') or 'date' in ru: rules[ru]+=1
    if kept>150 and sum(rules.values())>=3:
        out.append((kept,f,rules.most_common(4)))
for o in sorted(out,reverse=True)[:40]: print(*o)
