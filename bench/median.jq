# The median of an array of numbers (null for an empty one); bench/report.sh and bench/profile.sh
# include it with `jq -L bench 'include "median"; ...'`.
def median: sort | if length == 0 then null elif length % 2 == 1 then .[length/2|floor] else (.[length/2-1] + .[length/2]) / 2 end;
