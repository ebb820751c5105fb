# per-page newsbench diff vs main for one converter: bash nbdiff.sh CONV
conv=$1
python3 /work/shared/dev-corpus/score.py --cmd "$PWD/target/release/dechrome" -j 2 --inputs /work/main/target/newsbench/pages/in-$conv --gold /work/main/target/newsbench/pages/gold --per-doc /tmp/acc7-nb-new-$conv.tsv >/dev/null
[ -f /tmp/acc7-nb-main-$conv.tsv ] || python3 /work/shared/dev-corpus/score.py --cmd "/work/main/target/release/dechrome" -j 2 --inputs /work/main/target/newsbench/pages/in-$conv --gold /work/main/target/newsbench/pages/gold --per-doc /tmp/acc7-nb-main-$conv.tsv >/dev/null
python3 - $conv <<'PY'
import sys
c=sys.argv[1]
def load(p): return {l.split('\t')[0]:l.rstrip('\n').split('\t') for l in open(p)}
a=load(f'/tmp/acc7-nb-main-{c}.tsv'); b=load(f'/tmp/acc7-nb-new-{c}.tsv')
for k in a:
    if k!='name' and a[k][1:4]!=b[k][1:4]: print(c,k,'P R F1',a[k][1:4],'->',b[k][1:4])
PY
