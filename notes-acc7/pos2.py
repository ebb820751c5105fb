import os,re,collections,sys
TOK=re.compile(r"\w+")
tk=lambda s: TOK.findall(s.lower())
exp=sys.argv[1]; gd="/work/shared/dev-corpus/gold"; want=sys.argv[2]
pages=collections.Counter(); rules=collections.Counter(); ex={}
for f in sorted(os.listdir(gd)):
    ds=f.split('-')[0]
    gold=collections.Counter(tk(open(os.path.join(gd,f),errors='replace').read()))
    table=[t for t in (l.rstrip('\n').split('\t',3) for l in open(os.path.join(exp,f),errors='replace')) if len(t)>=4]
    rem=gold.copy(); marks=[]
    for v,c,ru,t in table:
        tc=collections.Counter(tk(t)); n=sum(tc.values()); g=sum((tc&rem).values())
        if v=='keep': rem-=tc
        marks.append((v,n,g,c,ru,t))
    goldlines=[i for i,(v,n,g,c,ru,t) in enumerate(marks) if n and g/n>0.7 and n>=8]
    if not goldlines: continue
    a,b=goldlines[0],goldlines[-1]
    for i,(v,n,g,c,ru,t) in enumerate(marks):
        if v!='keep': continue
        pos='before' if i<a else 'after' if i>b else 'inside'
        if pos==want:
            pages[f]+=n-g; rules[ru]+=n-g
for k,v in rules.most_common(15): print(v,k)
print()
for k,v in pages.most_common(40): print(v,k)
