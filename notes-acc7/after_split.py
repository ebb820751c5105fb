# kept non-gold tokens after the article: split by whether a comment sign precedes them (after the article)
import os,re,collections,sys
TOK=re.compile(r"\w+"); tk=lambda s: TOK.findall(s.lower())
exp=sys.argv[1]; gd="/work/shared/dev-corpus/gold"
CM=re.compile(r'comment|reply|repl|wrote|said\.\.\.|posted by|permalink',re.I)
tot=collections.Counter(); pages=collections.Counter()
for f in sorted(os.listdir(gd)):
    ds=f.split('-')[0]
    gold=collections.Counter(tk(open(os.path.join(gd,f),errors='replace').read()))
    table=[t for t in (l.rstrip('\n').split('\t',3) for l in open(os.path.join(exp,f),errors='replace')) if len(t)>=4]
    rem=gold.copy(); marks=[]
    for v,c,ru,t in table:
        tc=collections.Counter(tk(t)); n=sum(tc.values()); g=sum((tc&rem).values())
        if v=='keep': rem-=tc
        marks.append((v,n,g,c,ru,t))
    gl=[i for i,(v,n,g,c,ru,t) in enumerate(marks) if n and g/n>0.7 and n>=8]
    if not gl: continue
    b=gl[-1]; seen=False
    for i in range(b+1,len(marks)):
        v,n,g,c,ru,t=marks[i]
        if (v=='drop' and CM.search(ru)) or (n<=6 and CM.search(t)): seen=True
        if v=='keep':
            k=('comment' if seen else 'other')
            tot[ds+' '+k]+=n-g
            if k=='other': pages[f]+=n-g
for k,v in sorted(tot.items()): print(k,v)
for k,v in pages.most_common(int(sys.argv[2])): print(v,k)
