# after the article: for runs of kept non-gold lines (>=30 tokens), show the 2 lines before the run
import re,collections,os,sys
TOK=re.compile(r"\w+"); tk=lambda s: TOK.findall(s.lower())
exp=sys.argv[1]; gd='/work/shared/dev-corpus/gold'
out=[]
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
    b=gl[-1]; i=b+1
    while i<len(info):
        if info[i][0]=='keep' and info[i][2]<=info[i][1]*0.3:
            j=i; bad=0
            while j<len(info) and not (info[j][0]=='keep' and info[j][2]>info[j][1]*0.3):
                if info[j][0]=='keep': bad+=info[j][1]-info[j][2]
                j+=1
                # stop a run at 3 consecutive drops
                if j-i>=3 and all(info[k][0]=='drop' for k in range(j-3,j)): break
            if bad>=30:
                out.append((bad,f,i,[ (info[k][0],info[k][3],info[k][4][:60]) for k in range(max(b+1,i-2),i+1)]))
            i=j
        else: i+=1
out.sort(key=lambda r:-r[0])
for bad,f,i,ctx in out[:int(sys.argv[2])]:
    print(bad,f,i)
    for c in ctx: print('    ',*c)
