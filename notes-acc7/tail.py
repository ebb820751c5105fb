# show lines after the article's last gold line (kept ones marked), from an explain dir
import os,re,collections,sys
TOK=re.compile(r"\w+")
tk=lambda s: TOK.findall(s.lower())
exp=sys.argv[1]; f=sys.argv[2]; gd="/work/shared/dev-corpus/gold"
gold=collections.Counter(tk(open(os.path.join(gd,f),errors='replace').read()))
table=[t for t in (l.rstrip('\n').split('\t',3) for l in open(os.path.join(exp,f),errors='replace')) if len(t)>=4]
rem=gold.copy(); marks=[]
for v,c,ru,t in table:
    tc=collections.Counter(tk(t)); n=sum(tc.values()); g=sum((tc&rem).values())
    if v=='keep': rem-=tc
    marks.append((v,n,g,c,ru,t))
goldlines=[i for i,(v,n,g,c,ru,t) in enumerate(marks) if n and g/n>0.7 and n>=8]
a,b=goldlines[0],goldlines[-1]
start=max(0,b-int(sys.argv[3]) if len(sys.argv)>3 else b-3)
for i in range(start,len(marks)):
    v,n,g,c,ru,t=marks[i]
    flag='*' if i==b else ' '
    print(f"{i:4d}{flag}{v:4s} {g:3d}/{n:<3d} {ru[:28]:28s} {t[:110]}")
