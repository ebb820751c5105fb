import os,re,collections,sys
TOK=re.compile(r"\w+")
tk=lambda s: TOK.findall(s.lower())
exp=sys.argv[1]; gd="/work/shared/dev-corpus/gold"; f=sys.argv[2]+'.txt'; lim=int(sys.argv[3]) if len(sys.argv)>3 else 60
gold=collections.Counter(tk(open(os.path.join(gd,f),errors='replace').read()))
table=[t for t in (l.rstrip('\n').split('\t',3) for l in open(os.path.join(exp,f),errors='replace')) if len(t)>=4]
rem=gold.copy(); marks=[]
for v,c,ru,t in table:
    tc=collections.Counter(tk(t)); n=sum(tc.values()); g=sum((tc&rem).values())
    if v=='keep': rem-=tc
    marks.append((v,n,g,c,ru,t))
goldlines=[i for i,(v,n,g,c,ru,t) in enumerate(marks) if n and g/n>0.7 and n>=8]
b=goldlines[-1]
for i in range(max(0,b-3),min(len(marks),b+lim)):
    v,n,g,c,ru,t=marks[i]
    print(f"{'G' if i<=b else ' '} {v[:2]} {c[:8]:8} {ru[:22]:22} {t[:110]}")
