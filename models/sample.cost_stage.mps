NAME        
ROWS
 N  Obj     
 L  link[SO-1001,1,DC-EAST,ground]
 L  link[SO-1001,2,DC-EAST,ground]
 L  nonempty[SO-1001,DC-EAST,ground]
 L  link[SO-1001,1,DC-WEST,ground]
 L  link[SO-1001,2,DC-WEST,ground]
 L  nonempty[SO-1001,DC-WEST,ground]
 L  link[SO-1001,1,DC-WEST,express]
 L  link[SO-1001,2,DC-WEST,express]
 L  nonempty[SO-1001,DC-WEST,express]
 L  link[SO-1001,2,3PL-DFW,ground]
 L  nonempty[SO-1001,3PL-DFW,ground]
 L  link[SO-1001,2,3PL-DFW,express]
 L  nonempty[SO-1001,3PL-DFW,express]
 L  link[SO-1002,1,DC-EAST,ground]
 L  link[SO-1002,2,DC-EAST,ground]
 L  nonempty[SO-1002,DC-EAST,ground]
 L  link[SO-1002,1,DC-EAST,express]
 L  link[SO-1002,2,DC-EAST,express]
 L  nonempty[SO-1002,DC-EAST,express]
 L  link[SO-1002,1,DC-WEST,ground]
 L  link[SO-1002,2,DC-WEST,ground]
 L  nonempty[SO-1002,DC-WEST,ground]
 L  link[SO-1002,2,3PL-DFW,ground]
 L  nonempty[SO-1002,3PL-DFW,ground]
 L  link[SO-1002,2,3PL-DFW,express]
 L  nonempty[SO-1002,3PL-DFW,express]
 L  link[SO-1003,1,DC-EAST,ground]
 L  link[SO-1003,2,DC-EAST,ground]
 L  nonempty[SO-1003,DC-EAST,ground]
 L  link[SO-1003,1,DC-WEST,ground]
 L  link[SO-1003,2,DC-WEST,ground]
 L  nonempty[SO-1003,DC-WEST,ground]
 L  link[SO-1003,1,DC-WEST,express]
 L  link[SO-1003,2,DC-WEST,express]
 L  nonempty[SO-1003,DC-WEST,express]
 L  link[SO-1003,2,3PL-DFW,ground]
 L  nonempty[SO-1003,3PL-DFW,ground]
 L  link[SO-1003,2,3PL-DFW,express]
 L  nonempty[SO-1003,3PL-DFW,express]
 L  link[SO-1003,2,DS-ATL,ground]
 L  nonempty[SO-1003,DS-ATL,ground]
 L  link[SO-1003,2,DS-ATL,express]
 L  nonempty[SO-1003,DS-ATL,express]
 L  link[SO-1004,1,DC-EAST,ground]
 L  nonempty[SO-1004,DC-EAST,ground]
 L  link[SO-1004,1,DC-WEST,ground]
 L  nonempty[SO-1004,DC-WEST,ground]
 L  link[SO-1004,1,DC-WEST,express]
 L  nonempty[SO-1004,DC-WEST,express]
 L  link[SO-1005,1,DC-EAST,ground]
 L  link[SO-1005,2,DC-EAST,ground]
 L  nonempty[SO-1005,DC-EAST,ground]
 L  link[SO-1005,2,DC-WEST,ground]
 L  nonempty[SO-1005,DC-WEST,ground]
 L  link[SO-1005,2,DC-WEST,express]
 L  nonempty[SO-1005,DC-WEST,express]
 L  link[SO-1005,2,3PL-DFW,ground]
 L  nonempty[SO-1005,3PL-DFW,ground]
 L  link[SO-1005,2,3PL-DFW,express]
 L  nonempty[SO-1005,3PL-DFW,express]
 L  link[SO-1006,1,DC-EAST,ground]
 L  link[SO-1006,2,DC-EAST,ground]
 L  nonempty[SO-1006,DC-EAST,ground]
 L  link[SO-1006,2,DC-WEST,ground]
 L  nonempty[SO-1006,DC-WEST,ground]
 L  link[SO-1006,2,DC-WEST,express]
 L  nonempty[SO-1006,DC-WEST,express]
 L  link[SO-1006,2,3PL-DFW,ground]
 L  nonempty[SO-1006,3PL-DFW,ground]
 L  link[SO-1007,1,DC-EAST,ground]
 L  link[SO-1007,2,DC-EAST,ground]
 L  nonempty[SO-1007,DC-EAST,ground]
 L  link[SO-1007,1,DC-EAST,express]
 L  link[SO-1007,2,DC-EAST,express]
 L  nonempty[SO-1007,DC-EAST,express]
 L  link[SO-1007,1,DC-WEST,ground]
 L  link[SO-1007,2,DC-WEST,ground]
 L  nonempty[SO-1007,DC-WEST,ground]
 L  link[SO-1007,1,3PL-DFW,ground]
 L  link[SO-1007,2,3PL-DFW,ground]
 L  nonempty[SO-1007,3PL-DFW,ground]
 L  link[SO-1007,1,3PL-DFW,express]
 L  link[SO-1007,2,3PL-DFW,express]
 L  nonempty[SO-1007,3PL-DFW,express]
 L  link[SO-1007,1,STORE-CHI,ground]
 L  link[SO-1007,2,STORE-CHI,ground]
 L  nonempty[SO-1007,STORE-CHI,ground]
 L  link[SO-1007,1,STORE-CHI,express]
 L  link[SO-1007,2,STORE-CHI,express]
 L  nonempty[SO-1007,STORE-CHI,express]
 L  link[SO-1007,1,DS-ATL,ground]
 L  link[SO-1007,2,DS-ATL,ground]
 L  nonempty[SO-1007,DS-ATL,ground]
 L  link[SO-1007,1,DS-ATL,express]
 L  link[SO-1007,2,DS-ATL,express]
 L  nonempty[SO-1007,DS-ATL,express]
 L  link[SO-1008,1,DC-EAST,ground]
 L  nonempty[SO-1008,DC-EAST,ground]
 L  link[SO-1008,1,DC-EAST,express]
 L  nonempty[SO-1008,DC-EAST,express]
 L  link[SO-1008,1,DC-WEST,ground]
 L  nonempty[SO-1008,DC-WEST,ground]
 L  link[SO-1008,1,DC-WEST,express]
 L  nonempty[SO-1008,DC-WEST,express]
 L  link[SO-1008,1,3PL-DFW,ground]
 L  nonempty[SO-1008,3PL-DFW,ground]
 L  link[SO-1008,1,3PL-DFW,express]
 L  nonempty[SO-1008,3PL-DFW,express]
 L  link[SO-1009,1,DC-EAST,ground]
 L  link[SO-1009,2,DC-EAST,ground]
 L  nonempty[SO-1009,DC-EAST,ground]
 L  link[SO-1009,1,DC-EAST,express]
 L  link[SO-1009,2,DC-EAST,express]
 L  nonempty[SO-1009,DC-EAST,express]
 L  link[SO-1009,1,DC-WEST,ground]
 L  link[SO-1009,2,DC-WEST,ground]
 L  nonempty[SO-1009,DC-WEST,ground]
 L  link[SO-1009,1,3PL-DFW,ground]
 L  link[SO-1009,2,3PL-DFW,ground]
 L  nonempty[SO-1009,3PL-DFW,ground]
 L  link[SO-1009,1,3PL-DFW,express]
 L  link[SO-1009,2,3PL-DFW,express]
 L  nonempty[SO-1009,3PL-DFW,express]
 L  link[SO-1010,1,DC-EAST,ground]
 L  link[SO-1010,2,DC-EAST,ground]
 L  nonempty[SO-1010,DC-EAST,ground]
 L  link[SO-1010,1,DC-EAST,express]
 L  link[SO-1010,2,DC-EAST,express]
 L  nonempty[SO-1010,DC-EAST,express]
 L  link[SO-1010,1,DC-WEST,ground]
 L  link[SO-1010,2,DC-WEST,ground]
 L  nonempty[SO-1010,DC-WEST,ground]
 L  link[SO-1010,1,3PL-DFW,ground]
 L  link[SO-1010,2,3PL-DFW,ground]
 L  nonempty[SO-1010,3PL-DFW,ground]
 L  link[SO-1010,2,DS-ATL,ground]
 L  nonempty[SO-1010,DS-ATL,ground]
 L  link[SO-1010,2,DS-ATL,express]
 L  nonempty[SO-1010,DS-ATL,express]
 L  link[SO-1011,1,DC-EAST,ground]
 L  link[SO-1011,2,DC-EAST,ground]
 L  nonempty[SO-1011,DC-EAST,ground]
 L  link[SO-1011,1,DC-EAST,express]
 L  link[SO-1011,2,DC-EAST,express]
 L  nonempty[SO-1011,DC-EAST,express]
 L  link[SO-1011,1,DC-WEST,ground]
 L  link[SO-1011,2,DC-WEST,ground]
 L  nonempty[SO-1011,DC-WEST,ground]
 L  link[SO-1011,1,DC-WEST,express]
 L  link[SO-1011,2,DC-WEST,express]
 L  nonempty[SO-1011,DC-WEST,express]
 L  link[SO-1011,1,3PL-DFW,ground]
 L  link[SO-1011,2,3PL-DFW,ground]
 L  nonempty[SO-1011,3PL-DFW,ground]
 L  link[SO-1013,1,DC-EAST,ground]
 L  link[SO-1013,2,DC-EAST,ground]
 L  nonempty[SO-1013,DC-EAST,ground]
 L  link[SO-1013,1,DC-EAST,express]
 L  link[SO-1013,2,DC-EAST,express]
 L  nonempty[SO-1013,DC-EAST,express]
 L  link[SO-1013,1,DC-WEST,ground]
 L  link[SO-1013,2,DC-WEST,ground]
 L  nonempty[SO-1013,DC-WEST,ground]
 L  link[SO-1013,1,DC-WEST,express]
 L  link[SO-1013,2,DC-WEST,express]
 L  nonempty[SO-1013,DC-WEST,express]
 L  link[SO-1013,1,3PL-DFW,ground]
 L  link[SO-1013,2,3PL-DFW,ground]
 L  nonempty[SO-1013,3PL-DFW,ground]
 L  link[SO-1013,1,3PL-DFW,express]
 L  link[SO-1013,2,3PL-DFW,express]
 L  nonempty[SO-1013,3PL-DFW,express]
 L  link[SO-1013,1,STORE-CHI,ground]
 L  link[SO-1013,2,STORE-CHI,ground]
 L  nonempty[SO-1013,STORE-CHI,ground]
 L  link[SO-1014,1,DC-EAST,ground]
 L  link[SO-1014,2,DC-EAST,ground]
 L  nonempty[SO-1014,DC-EAST,ground]
 L  link[SO-1014,1,DC-WEST,ground]
 L  link[SO-1014,2,DC-WEST,ground]
 L  nonempty[SO-1014,DC-WEST,ground]
 L  link[SO-1014,1,DC-WEST,express]
 L  link[SO-1014,2,DC-WEST,express]
 L  nonempty[SO-1014,DC-WEST,express]
 L  link[SO-1014,1,3PL-DFW,ground]
 L  link[SO-1014,2,3PL-DFW,ground]
 L  nonempty[SO-1014,3PL-DFW,ground]
 L  link[SO-1015,1,DC-EAST,ground]
 L  link[SO-1015,2,DC-EAST,ground]
 L  nonempty[SO-1015,DC-EAST,ground]
 L  link[SO-1015,1,DC-EAST,express]
 L  link[SO-1015,2,DC-EAST,express]
 L  nonempty[SO-1015,DC-EAST,express]
 L  link[SO-1015,1,DC-WEST,ground]
 L  link[SO-1015,2,DC-WEST,ground]
 L  nonempty[SO-1015,DC-WEST,ground]
 L  link[SO-1015,1,DC-WEST,express]
 L  link[SO-1015,2,DC-WEST,express]
 L  nonempty[SO-1015,DC-WEST,express]
 L  link[SO-1015,1,3PL-DFW,ground]
 L  link[SO-1015,2,3PL-DFW,ground]
 L  nonempty[SO-1015,3PL-DFW,ground]
 L  link[SO-1015,1,3PL-DFW,express]
 L  link[SO-1015,2,3PL-DFW,express]
 L  nonempty[SO-1015,3PL-DFW,express]
 L  link[SO-1015,1,STORE-CHI,ground]
 L  link[SO-1015,2,STORE-CHI,ground]
 L  nonempty[SO-1015,STORE-CHI,ground]
 L  link[SO-1015,1,DS-ATL,ground]
 L  link[SO-1015,2,DS-ATL,ground]
 L  nonempty[SO-1015,DS-ATL,ground]
 L  link[SO-1015,1,DS-ATL,express]
 L  link[SO-1015,2,DS-ATL,express]
 L  nonempty[SO-1015,DS-ATL,express]
 L  link[SO-1016,1,DS-ATL,ground]
 L  nonempty[SO-1016,DS-ATL,ground]
 L  link[SO-1018,1,DC-EAST,ground]
 L  link[SO-1018,2,DC-EAST,ground]
 L  nonempty[SO-1018,DC-EAST,ground]
 L  link[SO-1018,1,DC-EAST,express]
 L  link[SO-1018,2,DC-EAST,express]
 L  nonempty[SO-1018,DC-EAST,express]
 L  link[SO-1018,1,DC-WEST,ground]
 L  link[SO-1018,2,DC-WEST,ground]
 L  nonempty[SO-1018,DC-WEST,ground]
 L  link[SO-1018,1,DC-WEST,express]
 L  link[SO-1018,2,DC-WEST,express]
 L  nonempty[SO-1018,DC-WEST,express]
 L  link[SO-1018,1,3PL-DFW,ground]
 L  link[SO-1018,2,3PL-DFW,ground]
 L  nonempty[SO-1018,3PL-DFW,ground]
 L  link[SO-1019,1,DC-EAST,ground]
 L  nonempty[SO-1019,DC-EAST,ground]
 L  link[SO-1019,1,DC-WEST,ground]
 L  nonempty[SO-1019,DC-WEST,ground]
 L  link[SO-1019,1,DC-WEST,express]
 L  nonempty[SO-1019,DC-WEST,express]
 L  link[SO-1019,1,3PL-DFW,ground]
 L  nonempty[SO-1019,3PL-DFW,ground]
 L  link[SO-1019,1,3PL-DFW,express]
 L  nonempty[SO-1019,3PL-DFW,express]
 L  link[SO-1019,1,STORE-CHI,ground]
 L  nonempty[SO-1019,STORE-CHI,ground]
 L  link[SO-1019,1,DS-ATL,ground]
 L  nonempty[SO-1019,DS-ATL,ground]
 L  link[SO-1019,1,DS-ATL,express]
 L  nonempty[SO-1019,DS-ATL,express]
 L  link[SO-1020,2,DC-EAST,ground]
 L  nonempty[SO-1020,DC-EAST,ground]
 L  link[SO-1020,2,DC-WEST,ground]
 L  nonempty[SO-1020,DC-WEST,ground]
 L  link[SO-1020,2,DC-WEST,express]
 L  nonempty[SO-1020,DC-WEST,express]
 L  link[SO-1020,2,3PL-DFW,ground]
 L  nonempty[SO-1020,3PL-DFW,ground]
 L  link[SO-1020,1,DS-ATL,ground]
 L  nonempty[SO-1020,DS-ATL,ground]
 L  fill[SO-1001,1]
 L  fill[SO-1001,2]
 L  fill[SO-1002,1]
 L  fill[SO-1002,2]
 L  fill[SO-1003,1]
 L  fill[SO-1003,2]
 L  fill[SO-1004,1]
 L  fill[SO-1005,2]
 L  fill[SO-1006,2]
 L  fill[SO-1007,1]
 L  fill[SO-1007,2]
 L  fill[SO-1008,1]
 L  fill[SO-1009,1]
 L  fill[SO-1009,2]
 L  fill[SO-1010,1]
 L  fill[SO-1010,2]
 L  fill[SO-1011,1]
 L  fill[SO-1011,2]
 L  fill[SO-1013,1]
 L  fill[SO-1013,2]
 L  fill[SO-1014,1]
 L  fill[SO-1014,2]
 L  fill[SO-1015,1]
 L  fill[SO-1015,2]
 L  fill[SO-1018,1]
 L  fill[SO-1018,2]
 L  fill[SO-1019,1]
 L  fill[SO-1020,2]
 L  stock[DC-EAST,CHAIR-ERGO]
 L  stock[DC-EAST,MON-27]
 L  stock[DC-EAST,DESK-STAND]
 L  stock[DC-WEST,CHAIR-ERGO]
 L  stock[DC-WEST,MON-27]
 L  stock[DC-WEST,DESK-STAND]
 L  stock[3PL-DFW,MON-27]
 L  stock[3PL-DFW,DESK-STAND]
 L  stock[DS-ATL,KB-WL]
 L  excess[DOCK-USB,DC-EAST,edi]
 L  reservation[DOCK-USB,DC-EAST]
 L  cap_shipments[DC-WEST]
 L  open[3PL-DFW,3]
 L  open[3PL-DFW,4]
 L  open[3PL-DFW,8]
 L  open[3PL-DFW,9]
 L  open[3PL-DFW,13]
 L  open[3PL-DFW,14]
 L  open[3PL-DFW,23]
 L  open[3PL-DFW,24]
 L  open[3PL-DFW,28]
 L  open[3PL-DFW,32]
 L  open[3PL-DFW,33]
 L  open[3PL-DFW,42]
 L  open[3PL-DFW,43]
 L  open[3PL-DFW,47]
 L  open[3PL-DFW,48]
 L  open[3PL-DFW,52]
 L  open[3PL-DFW,59]
 L  open[3PL-DFW,64]
 L  open[3PL-DFW,65]
 L  open[3PL-DFW,70]
 L  open[3PL-DFW,75]
 L  open[3PL-DFW,76]
 L  open[3PL-DFW,85]
 L  open[3PL-DFW,89]
 L  open[3PL-DFW,90]
 L  open[3PL-DFW,97]
 L  open[DS-ATL,15]
 L  open[DS-ATL,16]
 L  open[DS-ATL,36]
 L  open[DS-ATL,37]
 L  open[DS-ATL,53]
 L  open[DS-ATL,54]
 L  open[DS-ATL,78]
 L  open[DS-ATL,79]
 L  open[DS-ATL,80]
 L  open[DS-ATL,92]
 L  open[DS-ATL,93]
 L  open[DS-ATL,98]
 L  split[SO-1001]
 L  split[SO-1002]
 E  fill_or_kill[SO-1003,1]
 E  fill_or_kill[SO-1003,2]
 L  split[SO-1003]
 L  split[SO-1004]
 L  split[SO-1005]
 L  split[SO-1006]
 L  split[SO-1007]
 L  split[SO-1008]
 L  split[SO-1009]
 L  split[SO-1010]
 L  split[SO-1011]
 L  split[SO-1013]
 L  split[SO-1014]
 L  split[SO-1015]
 L  split[SO-1018]
 L  split[SO-1019]
 L  split[SO-1020]
 G  tier[strategic]
 G  tier[key]
 G  tier[standard]
COLUMNS
    offset    Obj       0
    MARK0000  'MARKER'                 'INTORG'
    y[SO-1001,DC-EAST,ground]  Obj       10.259
    y[SO-1001,DC-EAST,ground]  link[SO-1001,1,DC-EAST,ground]  -4
    y[SO-1001,DC-EAST,ground]  link[SO-1001,2,DC-EAST,ground]  -4
    y[SO-1001,DC-EAST,ground]  nonempty[SO-1001,DC-EAST,ground]  1
    y[SO-1001,DC-EAST,ground]  split[SO-1001]  1
    x[SO-1001,1,DC-EAST,ground]  Obj       0.72369961488514667
    x[SO-1001,1,DC-EAST,ground]  link[SO-1001,1,DC-EAST,ground]  1
    x[SO-1001,1,DC-EAST,ground]  nonempty[SO-1001,DC-EAST,ground]  -1
    x[SO-1001,1,DC-EAST,ground]  fill[SO-1001,1]  1
    x[SO-1001,1,DC-EAST,ground]  stock[DC-EAST,CHAIR-ERGO]  1
    x[SO-1001,1,DC-EAST,ground]  tier[strategic]  1
    x[SO-1001,2,DC-EAST,ground]  Obj       0.72369961488514667
    x[SO-1001,2,DC-EAST,ground]  link[SO-1001,2,DC-EAST,ground]  1
    x[SO-1001,2,DC-EAST,ground]  nonempty[SO-1001,DC-EAST,ground]  -1
    x[SO-1001,2,DC-EAST,ground]  fill[SO-1001,2]  1
    x[SO-1001,2,DC-EAST,ground]  stock[DC-EAST,MON-27]  1
    x[SO-1001,2,DC-EAST,ground]  tier[strategic]  1
    y[SO-1001,DC-WEST,ground]  Obj       110.259
    y[SO-1001,DC-WEST,ground]  link[SO-1001,1,DC-WEST,ground]  -3
    y[SO-1001,DC-WEST,ground]  link[SO-1001,2,DC-WEST,ground]  -4
    y[SO-1001,DC-WEST,ground]  nonempty[SO-1001,DC-WEST,ground]  1
    y[SO-1001,DC-WEST,ground]  cap_shipments[DC-WEST]  1
    y[SO-1001,DC-WEST,ground]  split[SO-1001]  1
    x[SO-1001,1,DC-WEST,ground]  Obj       2.2395809980919053
    x[SO-1001,1,DC-WEST,ground]  link[SO-1001,1,DC-WEST,ground]  1
    x[SO-1001,1,DC-WEST,ground]  nonempty[SO-1001,DC-WEST,ground]  -1
    x[SO-1001,1,DC-WEST,ground]  fill[SO-1001,1]  1
    x[SO-1001,1,DC-WEST,ground]  stock[DC-WEST,CHAIR-ERGO]  1
    x[SO-1001,1,DC-WEST,ground]  tier[strategic]  1
    x[SO-1001,2,DC-WEST,ground]  Obj       2.2395809980919053
    x[SO-1001,2,DC-WEST,ground]  link[SO-1001,2,DC-WEST,ground]  1
    x[SO-1001,2,DC-WEST,ground]  nonempty[SO-1001,DC-WEST,ground]  -1
    x[SO-1001,2,DC-WEST,ground]  fill[SO-1001,2]  1
    x[SO-1001,2,DC-WEST,ground]  stock[DC-WEST,MON-27]  1
    x[SO-1001,2,DC-WEST,ground]  tier[strategic]  1
    y[SO-1001,DC-WEST,express]  Obj       41
    y[SO-1001,DC-WEST,express]  link[SO-1001,1,DC-WEST,express]  -3
    y[SO-1001,DC-WEST,express]  link[SO-1001,2,DC-WEST,express]  -4
    y[SO-1001,DC-WEST,express]  nonempty[SO-1001,DC-WEST,express]  1
    y[SO-1001,DC-WEST,express]  cap_shipments[DC-WEST]  1
    y[SO-1001,DC-WEST,express]  split[SO-1001]  1
    x[SO-1001,1,DC-WEST,express]  Obj       6.228687791372308
    x[SO-1001,1,DC-WEST,express]  link[SO-1001,1,DC-WEST,express]  1
    x[SO-1001,1,DC-WEST,express]  nonempty[SO-1001,DC-WEST,express]  -1
    x[SO-1001,1,DC-WEST,express]  fill[SO-1001,1]  1
    x[SO-1001,1,DC-WEST,express]  stock[DC-WEST,CHAIR-ERGO]  1
    x[SO-1001,1,DC-WEST,express]  tier[strategic]  1
    x[SO-1001,2,DC-WEST,express]  Obj       6.228687791372308
    x[SO-1001,2,DC-WEST,express]  link[SO-1001,2,DC-WEST,express]  1
    x[SO-1001,2,DC-WEST,express]  nonempty[SO-1001,DC-WEST,express]  -1
    x[SO-1001,2,DC-WEST,express]  fill[SO-1001,2]  1
    x[SO-1001,2,DC-WEST,express]  stock[DC-WEST,MON-27]  1
    x[SO-1001,2,DC-WEST,express]  tier[strategic]  1
    y[SO-1001,3PL-DFW,ground]  Obj       85.759
    y[SO-1001,3PL-DFW,ground]  link[SO-1001,2,3PL-DFW,ground]  -4
    y[SO-1001,3PL-DFW,ground]  nonempty[SO-1001,3PL-DFW,ground]  1
    y[SO-1001,3PL-DFW,ground]  open[3PL-DFW,3]  1
    y[SO-1001,3PL-DFW,ground]  split[SO-1001]  1
    x[SO-1001,2,3PL-DFW,ground]  Obj       1.712542430074214
    x[SO-1001,2,3PL-DFW,ground]  link[SO-1001,2,3PL-DFW,ground]  1
    x[SO-1001,2,3PL-DFW,ground]  nonempty[SO-1001,3PL-DFW,ground]  -1
    x[SO-1001,2,3PL-DFW,ground]  fill[SO-1001,2]  1
    x[SO-1001,2,3PL-DFW,ground]  stock[3PL-DFW,MON-27]  1
    x[SO-1001,2,3PL-DFW,ground]  tier[strategic]  1
    y[SO-1001,3PL-DFW,express]  Obj       41.5
    y[SO-1001,3PL-DFW,express]  link[SO-1001,2,3PL-DFW,express]  -4
    y[SO-1001,3PL-DFW,express]  nonempty[SO-1001,3PL-DFW,express]  1
    y[SO-1001,3PL-DFW,express]  open[3PL-DFW,4]  1
    y[SO-1001,3PL-DFW,express]  split[SO-1001]  1
    x[SO-1001,2,3PL-DFW,express]  Obj       4.1621924794096294
    x[SO-1001,2,3PL-DFW,express]  link[SO-1001,2,3PL-DFW,express]  1
    x[SO-1001,2,3PL-DFW,express]  nonempty[SO-1001,3PL-DFW,express]  -1
    x[SO-1001,2,3PL-DFW,express]  fill[SO-1001,2]  1
    x[SO-1001,2,3PL-DFW,express]  stock[3PL-DFW,MON-27]  1
    x[SO-1001,2,3PL-DFW,express]  tier[strategic]  1
    y[SO-1002,DC-EAST,ground]  Obj       110.259
    y[SO-1002,DC-EAST,ground]  link[SO-1002,1,DC-EAST,ground]  -3
    y[SO-1002,DC-EAST,ground]  link[SO-1002,2,DC-EAST,ground]  -3
    y[SO-1002,DC-EAST,ground]  nonempty[SO-1002,DC-EAST,ground]  1
    y[SO-1002,DC-EAST,ground]  split[SO-1002]  1
    x[SO-1002,1,DC-EAST,ground]  Obj       2.2892948912646398
    x[SO-1002,1,DC-EAST,ground]  link[SO-1002,1,DC-EAST,ground]  1
    x[SO-1002,1,DC-EAST,ground]  nonempty[SO-1002,DC-EAST,ground]  -1
    x[SO-1002,1,DC-EAST,ground]  fill[SO-1002,1]  1
    x[SO-1002,1,DC-EAST,ground]  stock[DC-EAST,CHAIR-ERGO]  1
    x[SO-1002,1,DC-EAST,ground]  tier[key]  1
    x[SO-1002,2,DC-EAST,ground]  Obj       2.2892948912646398
    x[SO-1002,2,DC-EAST,ground]  link[SO-1002,2,DC-EAST,ground]  1
    x[SO-1002,2,DC-EAST,ground]  nonempty[SO-1002,DC-EAST,ground]  -1
    x[SO-1002,2,DC-EAST,ground]  fill[SO-1002,2]  1
    x[SO-1002,2,DC-EAST,ground]  stock[DC-EAST,DESK-STAND]  1
    x[SO-1002,2,DC-EAST,ground]  tier[key]  1
    y[SO-1002,DC-EAST,express]  Obj       16
    y[SO-1002,DC-EAST,express]  link[SO-1002,1,DC-EAST,express]  -3
    y[SO-1002,DC-EAST,express]  link[SO-1002,2,DC-EAST,express]  -3
    y[SO-1002,DC-EAST,express]  nonempty[SO-1002,DC-EAST,express]  1
    y[SO-1002,DC-EAST,express]  split[SO-1002]  1
    x[SO-1002,1,DC-EAST,express]  Obj       6.3914416083068568
    x[SO-1002,1,DC-EAST,express]  link[SO-1002,1,DC-EAST,express]  1
    x[SO-1002,1,DC-EAST,express]  nonempty[SO-1002,DC-EAST,express]  -1
    x[SO-1002,1,DC-EAST,express]  fill[SO-1002,1]  1
    x[SO-1002,1,DC-EAST,express]  stock[DC-EAST,CHAIR-ERGO]  1
    x[SO-1002,1,DC-EAST,express]  tier[key]  1
    x[SO-1002,2,DC-EAST,express]  Obj       6.3914416083068568
    x[SO-1002,2,DC-EAST,express]  link[SO-1002,2,DC-EAST,express]  1
    x[SO-1002,2,DC-EAST,express]  nonempty[SO-1002,DC-EAST,express]  -1
    x[SO-1002,2,DC-EAST,express]  fill[SO-1002,2]  1
    x[SO-1002,2,DC-EAST,express]  stock[DC-EAST,DESK-STAND]  1
    x[SO-1002,2,DC-EAST,express]  tier[key]  1
    y[SO-1002,DC-WEST,ground]  Obj       10.259
    y[SO-1002,DC-WEST,ground]  link[SO-1002,1,DC-WEST,ground]  -3
    y[SO-1002,DC-WEST,ground]  link[SO-1002,2,DC-WEST,ground]  -3
    y[SO-1002,DC-WEST,ground]  nonempty[SO-1002,DC-WEST,ground]  1
    y[SO-1002,DC-WEST,ground]  cap_shipments[DC-WEST]  1
    y[SO-1002,DC-WEST,ground]  split[SO-1002]  1
    x[SO-1002,1,DC-WEST,ground]  Obj       0.91307181995153353
    x[SO-1002,1,DC-WEST,ground]  link[SO-1002,1,DC-WEST,ground]  1
    x[SO-1002,1,DC-WEST,ground]  nonempty[SO-1002,DC-WEST,ground]  -1
    x[SO-1002,1,DC-WEST,ground]  fill[SO-1002,1]  1
    x[SO-1002,1,DC-WEST,ground]  stock[DC-WEST,CHAIR-ERGO]  1
    x[SO-1002,1,DC-WEST,ground]  tier[key]  1
    x[SO-1002,2,DC-WEST,ground]  Obj       0.91307181995153353
    x[SO-1002,2,DC-WEST,ground]  link[SO-1002,2,DC-WEST,ground]  1
    x[SO-1002,2,DC-WEST,ground]  nonempty[SO-1002,DC-WEST,ground]  -1
    x[SO-1002,2,DC-WEST,ground]  fill[SO-1002,2]  1
    x[SO-1002,2,DC-WEST,ground]  stock[DC-WEST,DESK-STAND]  1
    x[SO-1002,2,DC-WEST,ground]  tier[key]  1
    y[SO-1002,3PL-DFW,ground]  Obj       60.759
    y[SO-1002,3PL-DFW,ground]  link[SO-1002,2,3PL-DFW,ground]  -3
    y[SO-1002,3PL-DFW,ground]  nonempty[SO-1002,3PL-DFW,ground]  1
    y[SO-1002,3PL-DFW,ground]  open[3PL-DFW,8]  1
    y[SO-1002,3PL-DFW,ground]  split[SO-1002]  1
    x[SO-1002,2,3PL-DFW,ground]  Obj       1.7834851357922412
    x[SO-1002,2,3PL-DFW,ground]  link[SO-1002,2,3PL-DFW,ground]  1
    x[SO-1002,2,3PL-DFW,ground]  nonempty[SO-1002,3PL-DFW,ground]  -1
    x[SO-1002,2,3PL-DFW,ground]  fill[SO-1002,2]  1
    x[SO-1002,2,3PL-DFW,ground]  stock[3PL-DFW,DESK-STAND]  1
    x[SO-1002,2,3PL-DFW,ground]  tier[key]  1
    y[SO-1002,3PL-DFW,express]  Obj       16.5
    y[SO-1002,3PL-DFW,express]  link[SO-1002,2,3PL-DFW,express]  -3
    y[SO-1002,3PL-DFW,express]  nonempty[SO-1002,3PL-DFW,express]  1
    y[SO-1002,3PL-DFW,express]  open[3PL-DFW,9]  1
    y[SO-1002,3PL-DFW,express]  split[SO-1002]  1
    x[SO-1002,2,3PL-DFW,express]  Obj       4.394445385034123
    x[SO-1002,2,3PL-DFW,express]  link[SO-1002,2,3PL-DFW,express]  1
    x[SO-1002,2,3PL-DFW,express]  nonempty[SO-1002,3PL-DFW,express]  -1
    x[SO-1002,2,3PL-DFW,express]  fill[SO-1002,2]  1
    x[SO-1002,2,3PL-DFW,express]  stock[3PL-DFW,DESK-STAND]  1
    x[SO-1002,2,3PL-DFW,express]  tier[key]  1
    y[SO-1003,DC-EAST,ground]  Obj       10.259
    y[SO-1003,DC-EAST,ground]  link[SO-1003,1,DC-EAST,ground]  -3
    y[SO-1003,DC-EAST,ground]  link[SO-1003,2,DC-EAST,ground]  -2
    y[SO-1003,DC-EAST,ground]  nonempty[SO-1003,DC-EAST,ground]  1
    y[SO-1003,DC-EAST,ground]  split[SO-1003]  1
    x[SO-1003,1,DC-EAST,ground]  Obj       0.70446256555177122
    x[SO-1003,1,DC-EAST,ground]  link[SO-1003,1,DC-EAST,ground]  1
    x[SO-1003,1,DC-EAST,ground]  nonempty[SO-1003,DC-EAST,ground]  -1
    x[SO-1003,1,DC-EAST,ground]  fill[SO-1003,1]  1
    x[SO-1003,1,DC-EAST,ground]  stock[DC-EAST,CHAIR-ERGO]  1
    x[SO-1003,1,DC-EAST,ground]  fill_or_kill[SO-1003,1]  1
    x[SO-1003,1,DC-EAST,ground]  tier[standard]  1
    x[SO-1003,2,DC-EAST,ground]  Obj       0.70446256555177122
    x[SO-1003,2,DC-EAST,ground]  link[SO-1003,2,DC-EAST,ground]  1
    x[SO-1003,2,DC-EAST,ground]  nonempty[SO-1003,DC-EAST,ground]  -1
    x[SO-1003,2,DC-EAST,ground]  fill[SO-1003,2]  1
    x[SO-1003,2,DC-EAST,ground]  fill_or_kill[SO-1003,2]  1
    x[SO-1003,2,DC-EAST,ground]  tier[standard]  1
    y[SO-1003,DC-WEST,ground]  Obj       85.259
    y[SO-1003,DC-WEST,ground]  link[SO-1003,1,DC-WEST,ground]  -3
    y[SO-1003,DC-WEST,ground]  link[SO-1003,2,DC-WEST,ground]  -2
    y[SO-1003,DC-WEST,ground]  nonempty[SO-1003,DC-WEST,ground]  1
    y[SO-1003,DC-WEST,ground]  cap_shipments[DC-WEST]  1
    y[SO-1003,DC-WEST,ground]  split[SO-1003]  1
    x[SO-1003,1,DC-WEST,ground]  Obj       2.2022139899104394
    x[SO-1003,1,DC-WEST,ground]  link[SO-1003,1,DC-WEST,ground]  1
    x[SO-1003,1,DC-WEST,ground]  nonempty[SO-1003,DC-WEST,ground]  -1
    x[SO-1003,1,DC-WEST,ground]  fill[SO-1003,1]  1
    x[SO-1003,1,DC-WEST,ground]  stock[DC-WEST,CHAIR-ERGO]  1
    x[SO-1003,1,DC-WEST,ground]  fill_or_kill[SO-1003,1]  1
    x[SO-1003,1,DC-WEST,ground]  tier[standard]  1
    x[SO-1003,2,DC-WEST,ground]  Obj       2.2022139899104394
    x[SO-1003,2,DC-WEST,ground]  link[SO-1003,2,DC-WEST,ground]  1
    x[SO-1003,2,DC-WEST,ground]  nonempty[SO-1003,DC-WEST,ground]  -1
    x[SO-1003,2,DC-WEST,ground]  fill[SO-1003,2]  1
    x[SO-1003,2,DC-WEST,ground]  fill_or_kill[SO-1003,2]  1
    x[SO-1003,2,DC-WEST,ground]  tier[standard]  1
    y[SO-1003,DC-WEST,express]  Obj       16
    y[SO-1003,DC-WEST,express]  link[SO-1003,1,DC-WEST,express]  -3
    y[SO-1003,DC-WEST,express]  link[SO-1003,2,DC-WEST,express]  -2
    y[SO-1003,DC-WEST,express]  nonempty[SO-1003,DC-WEST,express]  1
    y[SO-1003,DC-WEST,express]  cap_shipments[DC-WEST]  1
    y[SO-1003,DC-WEST,express]  split[SO-1003]  1
    x[SO-1003,1,DC-WEST,express]  Obj       6.1063553241115569
    x[SO-1003,1,DC-WEST,express]  link[SO-1003,1,DC-WEST,express]  1
    x[SO-1003,1,DC-WEST,express]  nonempty[SO-1003,DC-WEST,express]  -1
    x[SO-1003,1,DC-WEST,express]  fill[SO-1003,1]  1
    x[SO-1003,1,DC-WEST,express]  stock[DC-WEST,CHAIR-ERGO]  1
    x[SO-1003,1,DC-WEST,express]  fill_or_kill[SO-1003,1]  1
    x[SO-1003,1,DC-WEST,express]  tier[standard]  1
    x[SO-1003,2,DC-WEST,express]  Obj       6.1063553241115569
    x[SO-1003,2,DC-WEST,express]  link[SO-1003,2,DC-WEST,express]  1
    x[SO-1003,2,DC-WEST,express]  nonempty[SO-1003,DC-WEST,express]  -1
    x[SO-1003,2,DC-WEST,express]  fill[SO-1003,2]  1
    x[SO-1003,2,DC-WEST,express]  fill_or_kill[SO-1003,2]  1
    x[SO-1003,2,DC-WEST,express]  tier[standard]  1
    y[SO-1003,3PL-DFW,ground]  Obj       60.759
    y[SO-1003,3PL-DFW,ground]  link[SO-1003,2,3PL-DFW,ground]  -2
    y[SO-1003,3PL-DFW,ground]  nonempty[SO-1003,3PL-DFW,ground]  1
    y[SO-1003,3PL-DFW,ground]  open[3PL-DFW,13]  1
    y[SO-1003,3PL-DFW,ground]  split[SO-1003]  1
    x[SO-1003,2,3PL-DFW,ground]  Obj       1.6651037408619889
    x[SO-1003,2,3PL-DFW,ground]  link[SO-1003,2,3PL-DFW,ground]  1
    x[SO-1003,2,3PL-DFW,ground]  nonempty[SO-1003,3PL-DFW,ground]  -1
    x[SO-1003,2,3PL-DFW,ground]  fill[SO-1003,2]  1
    x[SO-1003,2,3PL-DFW,ground]  fill_or_kill[SO-1003,2]  1
    x[SO-1003,2,3PL-DFW,ground]  tier[standard]  1
    y[SO-1003,3PL-DFW,express]  Obj       16.5
    y[SO-1003,3PL-DFW,express]  link[SO-1003,2,3PL-DFW,express]  -2
    y[SO-1003,3PL-DFW,express]  nonempty[SO-1003,3PL-DFW,express]  1
    y[SO-1003,3PL-DFW,express]  open[3PL-DFW,14]  1
    y[SO-1003,3PL-DFW,express]  split[SO-1003]  1
    x[SO-1003,2,3PL-DFW,express]  Obj       4.0068872468696064
    x[SO-1003,2,3PL-DFW,express]  link[SO-1003,2,3PL-DFW,express]  1
    x[SO-1003,2,3PL-DFW,express]  nonempty[SO-1003,3PL-DFW,express]  -1
    x[SO-1003,2,3PL-DFW,express]  fill[SO-1003,2]  1
    x[SO-1003,2,3PL-DFW,express]  fill_or_kill[SO-1003,2]  1
    x[SO-1003,2,3PL-DFW,express]  tier[standard]  1
    y[SO-1003,DS-ATL,ground]  Obj       34.259
    y[SO-1003,DS-ATL,ground]  link[SO-1003,2,DS-ATL,ground]  -2
    y[SO-1003,DS-ATL,ground]  nonempty[SO-1003,DS-ATL,ground]  1
    y[SO-1003,DS-ATL,ground]  open[DS-ATL,15]  1
    y[SO-1003,DS-ATL,ground]  split[SO-1003]  1
    x[SO-1003,2,DS-ATL,ground]  Obj       0.95484603174882299
    x[SO-1003,2,DS-ATL,ground]  link[SO-1003,2,DS-ATL,ground]  1
    x[SO-1003,2,DS-ATL,ground]  nonempty[SO-1003,DS-ATL,ground]  -1
    x[SO-1003,2,DS-ATL,ground]  fill[SO-1003,2]  1
    x[SO-1003,2,DS-ATL,ground]  stock[DS-ATL,KB-WL]  1
    x[SO-1003,2,DS-ATL,ground]  fill_or_kill[SO-1003,2]  1
    x[SO-1003,2,DS-ATL,ground]  tier[standard]  1
    y[SO-1003,DS-ATL,express]  Obj       15
    y[SO-1003,DS-ATL,express]  link[SO-1003,2,DS-ATL,express]  -2
    y[SO-1003,DS-ATL,express]  nonempty[SO-1003,DS-ATL,express]  1
    y[SO-1003,DS-ATL,express]  open[DS-ATL,16]  1
    y[SO-1003,DS-ATL,express]  split[SO-1003]  1
    x[SO-1003,2,DS-ATL,express]  Obj       2.3637816515586469
    x[SO-1003,2,DS-ATL,express]  link[SO-1003,2,DS-ATL,express]  1
    x[SO-1003,2,DS-ATL,express]  nonempty[SO-1003,DS-ATL,express]  -1
    x[SO-1003,2,DS-ATL,express]  fill[SO-1003,2]  1
    x[SO-1003,2,DS-ATL,express]  stock[DS-ATL,KB-WL]  1
    x[SO-1003,2,DS-ATL,express]  fill_or_kill[SO-1003,2]  1
    x[SO-1003,2,DS-ATL,express]  tier[standard]  1
    y[SO-1004,DC-EAST,ground]  Obj       10.259
    y[SO-1004,DC-EAST,ground]  link[SO-1004,1,DC-EAST,ground]  -3
    y[SO-1004,DC-EAST,ground]  nonempty[SO-1004,DC-EAST,ground]  1
    y[SO-1004,DC-EAST,ground]  split[SO-1004]  1
    x[SO-1004,1,DC-EAST,ground]  Obj       0.84119081934599005
    x[SO-1004,1,DC-EAST,ground]  link[SO-1004,1,DC-EAST,ground]  1
    x[SO-1004,1,DC-EAST,ground]  nonempty[SO-1004,DC-EAST,ground]  -1
    x[SO-1004,1,DC-EAST,ground]  fill[SO-1004,1]  1
    x[SO-1004,1,DC-EAST,ground]  stock[DC-EAST,CHAIR-ERGO]  1
    x[SO-1004,1,DC-EAST,ground]  tier[standard]  1
    y[SO-1004,DC-WEST,ground]  Obj       85.259
    y[SO-1004,DC-WEST,ground]  link[SO-1004,1,DC-WEST,ground]  -3
    y[SO-1004,DC-WEST,ground]  nonempty[SO-1004,DC-WEST,ground]  1
    y[SO-1004,DC-WEST,ground]  cap_shipments[DC-WEST]  1
    y[SO-1004,DC-WEST,ground]  split[SO-1004]  1
    x[SO-1004,1,DC-WEST,ground]  Obj       2.3343247259326549
    x[SO-1004,1,DC-WEST,ground]  link[SO-1004,1,DC-WEST,ground]  1
    x[SO-1004,1,DC-WEST,ground]  nonempty[SO-1004,DC-WEST,ground]  -1
    x[SO-1004,1,DC-WEST,ground]  fill[SO-1004,1]  1
    x[SO-1004,1,DC-WEST,ground]  stock[DC-WEST,CHAIR-ERGO]  1
    x[SO-1004,1,DC-WEST,ground]  tier[standard]  1
    y[SO-1004,DC-WEST,express]  Obj       16
    y[SO-1004,DC-WEST,express]  link[SO-1004,1,DC-WEST,express]  -3
    y[SO-1004,DC-WEST,express]  nonempty[SO-1004,DC-WEST,express]  1
    y[SO-1004,DC-WEST,express]  cap_shipments[DC-WEST]  1
    y[SO-1004,DC-WEST,express]  split[SO-1004]  1
    x[SO-1004,1,DC-WEST,express]  Obj       6.5388607098985734
    x[SO-1004,1,DC-WEST,express]  link[SO-1004,1,DC-WEST,express]  1
    x[SO-1004,1,DC-WEST,express]  nonempty[SO-1004,DC-WEST,express]  -1
    x[SO-1004,1,DC-WEST,express]  fill[SO-1004,1]  1
    x[SO-1004,1,DC-WEST,express]  stock[DC-WEST,CHAIR-ERGO]  1
    x[SO-1004,1,DC-WEST,express]  tier[standard]  1
    y[SO-1005,DC-EAST,ground]  Obj       10.259
    y[SO-1005,DC-EAST,ground]  link[SO-1005,1,DC-EAST,ground]  -4
    y[SO-1005,DC-EAST,ground]  link[SO-1005,2,DC-EAST,ground]  -6
    y[SO-1005,DC-EAST,ground]  nonempty[SO-1005,DC-EAST,ground]  1
    y[SO-1005,DC-EAST,ground]  split[SO-1005]  1
    x[SO-1005,1,DC-EAST,ground]  Obj       0.74356165330788637
    x[SO-1005,1,DC-EAST,ground]  link[SO-1005,1,DC-EAST,ground]  1
    x[SO-1005,1,DC-EAST,ground]  nonempty[SO-1005,DC-EAST,ground]  -1
    x[SO-1005,1,DC-EAST,ground]  reservation[DOCK-USB,DC-EAST]  1
    x[SO-1005,1,DC-EAST,ground]  tier[key]  1
    x[SO-1005,2,DC-EAST,ground]  Obj       0.74356165330788637
    x[SO-1005,2,DC-EAST,ground]  link[SO-1005,2,DC-EAST,ground]  1
    x[SO-1005,2,DC-EAST,ground]  nonempty[SO-1005,DC-EAST,ground]  -1
    x[SO-1005,2,DC-EAST,ground]  fill[SO-1005,2]  1
    x[SO-1005,2,DC-EAST,ground]  stock[DC-EAST,MON-27]  1
    x[SO-1005,2,DC-EAST,ground]  tier[key]  1
    y[SO-1005,DC-WEST,ground]  Obj       85.259
    y[SO-1005,DC-WEST,ground]  link[SO-1005,2,DC-WEST,ground]  -6
    y[SO-1005,DC-WEST,ground]  nonempty[SO-1005,DC-WEST,ground]  1
    y[SO-1005,DC-WEST,ground]  cap_shipments[DC-WEST]  1
    y[SO-1005,DC-WEST,ground]  split[SO-1005]  1
    x[SO-1005,2,DC-WEST,ground]  Obj       2.1543165947789307
    x[SO-1005,2,DC-WEST,ground]  link[SO-1005,2,DC-WEST,ground]  1
    x[SO-1005,2,DC-WEST,ground]  nonempty[SO-1005,DC-WEST,ground]  -1
    x[SO-1005,2,DC-WEST,ground]  fill[SO-1005,2]  1
    x[SO-1005,2,DC-WEST,ground]  stock[DC-WEST,MON-27]  1
    x[SO-1005,2,DC-WEST,ground]  tier[key]  1
    y[SO-1005,DC-WEST,express]  Obj       16
    y[SO-1005,DC-WEST,express]  link[SO-1005,2,DC-WEST,express]  -6
    y[SO-1005,DC-WEST,express]  nonempty[SO-1005,DC-WEST,express]  1
    y[SO-1005,DC-WEST,express]  cap_shipments[DC-WEST]  1
    y[SO-1005,DC-WEST,express]  split[SO-1005]  1
    x[SO-1005,2,DC-WEST,express]  Obj       5.9495483757643575
    x[SO-1005,2,DC-WEST,express]  link[SO-1005,2,DC-WEST,express]  1
    x[SO-1005,2,DC-WEST,express]  nonempty[SO-1005,DC-WEST,express]  -1
    x[SO-1005,2,DC-WEST,express]  fill[SO-1005,2]  1
    x[SO-1005,2,DC-WEST,express]  stock[DC-WEST,MON-27]  1
    x[SO-1005,2,DC-WEST,express]  tier[key]  1
    y[SO-1005,3PL-DFW,ground]  Obj       35.759
    y[SO-1005,3PL-DFW,ground]  link[SO-1005,2,3PL-DFW,ground]  -6
    y[SO-1005,3PL-DFW,ground]  nonempty[SO-1005,3PL-DFW,ground]  1
    y[SO-1005,3PL-DFW,ground]  open[3PL-DFW,23]  1
    y[SO-1005,3PL-DFW,ground]  split[SO-1005]  1
    x[SO-1005,2,3PL-DFW,ground]  Obj       1.6089507355385431
    x[SO-1005,2,3PL-DFW,ground]  link[SO-1005,2,3PL-DFW,ground]  1
    x[SO-1005,2,3PL-DFW,ground]  nonempty[SO-1005,3PL-DFW,ground]  -1
    x[SO-1005,2,3PL-DFW,ground]  fill[SO-1005,2]  1
    x[SO-1005,2,3PL-DFW,ground]  stock[3PL-DFW,MON-27]  1
    x[SO-1005,2,3PL-DFW,ground]  tier[key]  1
    y[SO-1005,3PL-DFW,express]  Obj       16.5
    y[SO-1005,3PL-DFW,express]  link[SO-1005,2,3PL-DFW,express]  -6
    y[SO-1005,3PL-DFW,express]  nonempty[SO-1005,3PL-DFW,express]  1
    y[SO-1005,3PL-DFW,express]  open[3PL-DFW,24]  1
    y[SO-1005,3PL-DFW,express]  split[SO-1005]  1
    x[SO-1005,2,3PL-DFW,express]  Obj       3.8230530032511827
    x[SO-1005,2,3PL-DFW,express]  link[SO-1005,2,3PL-DFW,express]  1
    x[SO-1005,2,3PL-DFW,express]  nonempty[SO-1005,3PL-DFW,express]  -1
    x[SO-1005,2,3PL-DFW,express]  fill[SO-1005,2]  1
    x[SO-1005,2,3PL-DFW,express]  stock[3PL-DFW,MON-27]  1
    x[SO-1005,2,3PL-DFW,express]  tier[key]  1
    y[SO-1006,DC-EAST,ground]  Obj       10.259
    y[SO-1006,DC-EAST,ground]  link[SO-1006,1,DC-EAST,ground]  -2
    y[SO-1006,DC-EAST,ground]  link[SO-1006,2,DC-EAST,ground]  -10
    y[SO-1006,DC-EAST,ground]  nonempty[SO-1006,DC-EAST,ground]  1
    y[SO-1006,DC-EAST,ground]  split[SO-1006]  1
    x[SO-1006,1,DC-EAST,ground]  Obj       0.82671952705630058
    x[SO-1006,1,DC-EAST,ground]  link[SO-1006,1,DC-EAST,ground]  1
    x[SO-1006,1,DC-EAST,ground]  nonempty[SO-1006,DC-EAST,ground]  -1
    x[SO-1006,1,DC-EAST,ground]  excess[DOCK-USB,DC-EAST,edi]  1
    x[SO-1006,1,DC-EAST,ground]  tier[standard]  1
    x[SO-1006,2,DC-EAST,ground]  Obj       0.82671952705630058
    x[SO-1006,2,DC-EAST,ground]  link[SO-1006,2,DC-EAST,ground]  1
    x[SO-1006,2,DC-EAST,ground]  nonempty[SO-1006,DC-EAST,ground]  -1
    x[SO-1006,2,DC-EAST,ground]  fill[SO-1006,2]  1
    x[SO-1006,2,DC-EAST,ground]  tier[standard]  1
    y[SO-1006,DC-WEST,ground]  Obj       60.259
    y[SO-1006,DC-WEST,ground]  link[SO-1006,2,DC-WEST,ground]  -10
    y[SO-1006,DC-WEST,ground]  nonempty[SO-1006,DC-WEST,ground]  1
    y[SO-1006,DC-WEST,ground]  cap_shipments[DC-WEST]  1
    y[SO-1006,DC-WEST,ground]  split[SO-1006]  1
    x[SO-1006,2,DC-WEST,ground]  Obj       2.0361057436622225
    x[SO-1006,2,DC-WEST,ground]  link[SO-1006,2,DC-WEST,ground]  1
    x[SO-1006,2,DC-WEST,ground]  nonempty[SO-1006,DC-WEST,ground]  -1
    x[SO-1006,2,DC-WEST,ground]  fill[SO-1006,2]  1
    x[SO-1006,2,DC-WEST,ground]  tier[standard]  1
    y[SO-1006,DC-WEST,express]  Obj       16
    y[SO-1006,DC-WEST,express]  link[SO-1006,2,DC-WEST,express]  -10
    y[SO-1006,DC-WEST,express]  nonempty[SO-1006,DC-WEST,express]  1
    y[SO-1006,DC-WEST,express]  cap_shipments[DC-WEST]  1
    y[SO-1006,DC-WEST,express]  split[SO-1006]  1
    x[SO-1006,2,DC-WEST,express]  Obj       5.5625485655608475
    x[SO-1006,2,DC-WEST,express]  link[SO-1006,2,DC-WEST,express]  1
    x[SO-1006,2,DC-WEST,express]  nonempty[SO-1006,DC-WEST,express]  -1
    x[SO-1006,2,DC-WEST,express]  fill[SO-1006,2]  1
    x[SO-1006,2,DC-WEST,express]  tier[standard]  1
    y[SO-1006,3PL-DFW,ground]  Obj       10.759
    y[SO-1006,3PL-DFW,ground]  link[SO-1006,2,3PL-DFW,ground]  -10
    y[SO-1006,3PL-DFW,ground]  nonempty[SO-1006,3PL-DFW,ground]  1
    y[SO-1006,3PL-DFW,ground]  open[3PL-DFW,28]  1
    y[SO-1006,3PL-DFW,ground]  split[SO-1006]  1
    x[SO-1006,2,3PL-DFW,ground]  Obj       1.5168916172211051
    x[SO-1006,2,3PL-DFW,ground]  link[SO-1006,2,3PL-DFW,ground]  1
    x[SO-1006,2,3PL-DFW,ground]  nonempty[SO-1006,3PL-DFW,ground]  -1
    x[SO-1006,2,3PL-DFW,ground]  fill[SO-1006,2]  1
    x[SO-1006,2,3PL-DFW,ground]  tier[standard]  1
    y[SO-1007,DC-EAST,ground]  Obj       85.259
    y[SO-1007,DC-EAST,ground]  link[SO-1007,1,DC-EAST,ground]  -1
    y[SO-1007,DC-EAST,ground]  link[SO-1007,2,DC-EAST,ground]  -1
    y[SO-1007,DC-EAST,ground]  nonempty[SO-1007,DC-EAST,ground]  1
    y[SO-1007,DC-EAST,ground]  split[SO-1007]  1
    x[SO-1007,1,DC-EAST,ground]  Obj       2.2097734809443672
    x[SO-1007,1,DC-EAST,ground]  link[SO-1007,1,DC-EAST,ground]  1
    x[SO-1007,1,DC-EAST,ground]  nonempty[SO-1007,DC-EAST,ground]  -1
    x[SO-1007,1,DC-EAST,ground]  fill[SO-1007,1]  1
    x[SO-1007,1,DC-EAST,ground]  tier[standard]  1
    x[SO-1007,2,DC-EAST,ground]  Obj       2.2097734809443672
    x[SO-1007,2,DC-EAST,ground]  link[SO-1007,2,DC-EAST,ground]  1
    x[SO-1007,2,DC-EAST,ground]  nonempty[SO-1007,DC-EAST,ground]  -1
    x[SO-1007,2,DC-EAST,ground]  fill[SO-1007,2]  1
    x[SO-1007,2,DC-EAST,ground]  tier[standard]  1
    y[SO-1007,DC-EAST,express]  Obj       16
    y[SO-1007,DC-EAST,express]  link[SO-1007,1,DC-EAST,express]  -1
    y[SO-1007,DC-EAST,express]  link[SO-1007,2,DC-EAST,express]  -1
    y[SO-1007,DC-EAST,express]  nonempty[SO-1007,DC-EAST,express]  1
    y[SO-1007,DC-EAST,express]  split[SO-1007]  1
    x[SO-1007,1,DC-EAST,express]  Obj       6.1311036578535827
    x[SO-1007,1,DC-EAST,express]  link[SO-1007,1,DC-EAST,express]  1
    x[SO-1007,1,DC-EAST,express]  nonempty[SO-1007,DC-EAST,express]  -1
    x[SO-1007,1,DC-EAST,express]  fill[SO-1007,1]  1
    x[SO-1007,1,DC-EAST,express]  tier[standard]  1
    x[SO-1007,2,DC-EAST,express]  Obj       6.1311036578535827
    x[SO-1007,2,DC-EAST,express]  link[SO-1007,2,DC-EAST,express]  1
    x[SO-1007,2,DC-EAST,express]  nonempty[SO-1007,DC-EAST,express]  -1
    x[SO-1007,2,DC-EAST,express]  fill[SO-1007,2]  1
    x[SO-1007,2,DC-EAST,express]  tier[standard]  1
    y[SO-1007,DC-WEST,ground]  Obj       10.259
    y[SO-1007,DC-WEST,ground]  link[SO-1007,1,DC-WEST,ground]  -1
    y[SO-1007,DC-WEST,ground]  link[SO-1007,2,DC-WEST,ground]  -1
    y[SO-1007,DC-WEST,ground]  nonempty[SO-1007,DC-WEST,ground]  1
    y[SO-1007,DC-WEST,ground]  cap_shipments[DC-WEST]  1
    y[SO-1007,DC-WEST,ground]  split[SO-1007]  1
    x[SO-1007,1,DC-WEST,ground]  Obj       0.69502398542772537
    x[SO-1007,1,DC-WEST,ground]  link[SO-1007,1,DC-WEST,ground]  1
    x[SO-1007,1,DC-WEST,ground]  nonempty[SO-1007,DC-WEST,ground]  -1
    x[SO-1007,1,DC-WEST,ground]  fill[SO-1007,1]  1
    x[SO-1007,1,DC-WEST,ground]  tier[standard]  1
    x[SO-1007,2,DC-WEST,ground]  Obj       0.69502398542772537
    x[SO-1007,2,DC-WEST,ground]  link[SO-1007,2,DC-WEST,ground]  1
    x[SO-1007,2,DC-WEST,ground]  nonempty[SO-1007,DC-WEST,ground]  -1
    x[SO-1007,2,DC-WEST,ground]  fill[SO-1007,2]  1
    x[SO-1007,2,DC-WEST,ground]  tier[standard]  1
    y[SO-1007,3PL-DFW,ground]  Obj       35.759
    y[SO-1007,3PL-DFW,ground]  link[SO-1007,1,3PL-DFW,ground]  -1
    y[SO-1007,3PL-DFW,ground]  link[SO-1007,2,3PL-DFW,ground]  -1
    y[SO-1007,3PL-DFW,ground]  nonempty[SO-1007,3PL-DFW,ground]  1
    y[SO-1007,3PL-DFW,ground]  open[3PL-DFW,32]  1
    y[SO-1007,3PL-DFW,ground]  split[SO-1007]  1
    x[SO-1007,1,3PL-DFW,ground]  Obj       1.6257613466515206
    x[SO-1007,1,3PL-DFW,ground]  link[SO-1007,1,3PL-DFW,ground]  1
    x[SO-1007,1,3PL-DFW,ground]  nonempty[SO-1007,3PL-DFW,ground]  -1
    x[SO-1007,1,3PL-DFW,ground]  fill[SO-1007,1]  1
    x[SO-1007,1,3PL-DFW,ground]  tier[standard]  1
    x[SO-1007,2,3PL-DFW,ground]  Obj       1.6257613466515206
    x[SO-1007,2,3PL-DFW,ground]  link[SO-1007,2,3PL-DFW,ground]  1
    x[SO-1007,2,3PL-DFW,ground]  nonempty[SO-1007,3PL-DFW,ground]  -1
    x[SO-1007,2,3PL-DFW,ground]  fill[SO-1007,2]  1
    x[SO-1007,2,3PL-DFW,ground]  tier[standard]  1
    y[SO-1007,3PL-DFW,express]  Obj       16.5
    y[SO-1007,3PL-DFW,express]  link[SO-1007,1,3PL-DFW,express]  -1
    y[SO-1007,3PL-DFW,express]  link[SO-1007,2,3PL-DFW,express]  -1
    y[SO-1007,3PL-DFW,express]  nonempty[SO-1007,3PL-DFW,express]  1
    y[SO-1007,3PL-DFW,express]  open[3PL-DFW,33]  1
    y[SO-1007,3PL-DFW,express]  split[SO-1007]  1
    x[SO-1007,1,3PL-DFW,express]  Obj       3.878087742013907
    x[SO-1007,1,3PL-DFW,express]  link[SO-1007,1,3PL-DFW,express]  1
    x[SO-1007,1,3PL-DFW,express]  nonempty[SO-1007,3PL-DFW,express]  -1
    x[SO-1007,1,3PL-DFW,express]  fill[SO-1007,1]  1
    x[SO-1007,1,3PL-DFW,express]  tier[standard]  1
    x[SO-1007,2,3PL-DFW,express]  Obj       3.878087742013907
    x[SO-1007,2,3PL-DFW,express]  link[SO-1007,2,3PL-DFW,express]  1
    x[SO-1007,2,3PL-DFW,express]  nonempty[SO-1007,3PL-DFW,express]  -1
    x[SO-1007,2,3PL-DFW,express]  fill[SO-1007,2]  1
    x[SO-1007,2,3PL-DFW,express]  tier[standard]  1
    y[SO-1007,STORE-CHI,ground]  Obj       62.259
    y[SO-1007,STORE-CHI,ground]  link[SO-1007,1,STORE-CHI,ground]  -1
    y[SO-1007,STORE-CHI,ground]  link[SO-1007,2,STORE-CHI,ground]  -1
    y[SO-1007,STORE-CHI,ground]  nonempty[SO-1007,STORE-CHI,ground]  1
    y[SO-1007,STORE-CHI,ground]  split[SO-1007]  1
    x[SO-1007,1,STORE-CHI,ground]  Obj       2.5527179160398377
    x[SO-1007,1,STORE-CHI,ground]  link[SO-1007,1,STORE-CHI,ground]  1
    x[SO-1007,1,STORE-CHI,ground]  nonempty[SO-1007,STORE-CHI,ground]  -1
    x[SO-1007,1,STORE-CHI,ground]  fill[SO-1007,1]  1
    x[SO-1007,1,STORE-CHI,ground]  tier[standard]  1
    x[SO-1007,2,STORE-CHI,ground]  Obj       2.5527179160398377
    x[SO-1007,2,STORE-CHI,ground]  link[SO-1007,2,STORE-CHI,ground]  1
    x[SO-1007,2,STORE-CHI,ground]  nonempty[SO-1007,STORE-CHI,ground]  -1
    x[SO-1007,2,STORE-CHI,ground]  fill[SO-1007,2]  1
    x[SO-1007,2,STORE-CHI,ground]  tier[standard]  1
    y[SO-1007,STORE-CHI,express]  Obj       18
    y[SO-1007,STORE-CHI,express]  link[SO-1007,1,STORE-CHI,express]  -1
    y[SO-1007,STORE-CHI,express]  link[SO-1007,2,STORE-CHI,express]  -1
    y[SO-1007,STORE-CHI,express]  nonempty[SO-1007,STORE-CHI,express]  1
    y[SO-1007,STORE-CHI,express]  split[SO-1007]  1
    x[SO-1007,1,STORE-CHI,express]  Obj       5.548481272749469
    x[SO-1007,1,STORE-CHI,express]  link[SO-1007,1,STORE-CHI,express]  1
    x[SO-1007,1,STORE-CHI,express]  nonempty[SO-1007,STORE-CHI,express]  -1
    x[SO-1007,1,STORE-CHI,express]  fill[SO-1007,1]  1
    x[SO-1007,1,STORE-CHI,express]  tier[standard]  1
    x[SO-1007,2,STORE-CHI,express]  Obj       5.548481272749469
    x[SO-1007,2,STORE-CHI,express]  link[SO-1007,2,STORE-CHI,express]  1
    x[SO-1007,2,STORE-CHI,express]  nonempty[SO-1007,STORE-CHI,express]  -1
    x[SO-1007,2,STORE-CHI,express]  fill[SO-1007,2]  1
    x[SO-1007,2,STORE-CHI,express]  tier[standard]  1
    y[SO-1007,DS-ATL,ground]  Obj       109.259
    y[SO-1007,DS-ATL,ground]  link[SO-1007,1,DS-ATL,ground]  -1
    y[SO-1007,DS-ATL,ground]  link[SO-1007,2,DS-ATL,ground]  -1
    y[SO-1007,DS-ATL,ground]  nonempty[SO-1007,DS-ATL,ground]  1
    y[SO-1007,DS-ATL,ground]  open[DS-ATL,36]  1
    y[SO-1007,DS-ATL,ground]  split[SO-1007]  1
    x[SO-1007,1,DS-ATL,ground]  Obj       1.7770878787333251
    x[SO-1007,1,DS-ATL,ground]  link[SO-1007,1,DS-ATL,ground]  1
    x[SO-1007,1,DS-ATL,ground]  nonempty[SO-1007,DS-ATL,ground]  -1
    x[SO-1007,1,DS-ATL,ground]  fill[SO-1007,1]  1
    x[SO-1007,1,DS-ATL,ground]  tier[standard]  1
    x[SO-1007,2,DS-ATL,ground]  Obj       1.7770878787333251
    x[SO-1007,2,DS-ATL,ground]  link[SO-1007,2,DS-ATL,ground]  1
    x[SO-1007,2,DS-ATL,ground]  nonempty[SO-1007,DS-ATL,ground]  -1
    x[SO-1007,2,DS-ATL,ground]  fill[SO-1007,2]  1
    x[SO-1007,2,DS-ATL,ground]  stock[DS-ATL,KB-WL]  1
    x[SO-1007,2,DS-ATL,ground]  tier[standard]  1
    y[SO-1007,DS-ATL,express]  Obj       40
    y[SO-1007,DS-ATL,express]  link[SO-1007,1,DS-ATL,express]  -1
    y[SO-1007,DS-ATL,express]  link[SO-1007,2,DS-ATL,express]  -1
    y[SO-1007,DS-ATL,express]  nonempty[SO-1007,DS-ATL,express]  1
    y[SO-1007,DS-ATL,express]  open[DS-ATL,37]  1
    y[SO-1007,DS-ATL,express]  split[SO-1007]  1
    x[SO-1007,1,DS-ATL,express]  Obj       5.055644841091242
    x[SO-1007,1,DS-ATL,express]  link[SO-1007,1,DS-ATL,express]  1
    x[SO-1007,1,DS-ATL,express]  nonempty[SO-1007,DS-ATL,express]  -1
    x[SO-1007,1,DS-ATL,express]  fill[SO-1007,1]  1
    x[SO-1007,1,DS-ATL,express]  tier[standard]  1
    x[SO-1007,2,DS-ATL,express]  Obj       5.055644841091242
    x[SO-1007,2,DS-ATL,express]  link[SO-1007,2,DS-ATL,express]  1
    x[SO-1007,2,DS-ATL,express]  nonempty[SO-1007,DS-ATL,express]  -1
    x[SO-1007,2,DS-ATL,express]  fill[SO-1007,2]  1
    x[SO-1007,2,DS-ATL,express]  stock[DS-ATL,KB-WL]  1
    x[SO-1007,2,DS-ATL,express]  tier[standard]  1
    y[SO-1008,DC-EAST,ground]  Obj       110.259
    y[SO-1008,DC-EAST,ground]  link[SO-1008,1,DC-EAST,ground]  -2
    y[SO-1008,DC-EAST,ground]  nonempty[SO-1008,DC-EAST,ground]  1
    y[SO-1008,DC-EAST,ground]  split[SO-1008]  1
    x[SO-1008,1,DC-EAST,ground]  Obj       2.1891785700830679
    x[SO-1008,1,DC-EAST,ground]  link[SO-1008,1,DC-EAST,ground]  1
    x[SO-1008,1,DC-EAST,ground]  nonempty[SO-1008,DC-EAST,ground]  -1
    x[SO-1008,1,DC-EAST,ground]  fill[SO-1008,1]  1
    x[SO-1008,1,DC-EAST,ground]  stock[DC-EAST,MON-27]  1
    x[SO-1008,1,DC-EAST,ground]  tier[key]  1
    y[SO-1008,DC-EAST,express]  Obj       41
    y[SO-1008,DC-EAST,express]  link[SO-1008,1,DC-EAST,express]  -2
    y[SO-1008,DC-EAST,express]  nonempty[SO-1008,DC-EAST,express]  1
    y[SO-1008,DC-EAST,express]  split[SO-1008]  1
    x[SO-1008,1,DC-EAST,express]  Obj       6.0636798425338538
    x[SO-1008,1,DC-EAST,express]  link[SO-1008,1,DC-EAST,express]  1
    x[SO-1008,1,DC-EAST,express]  nonempty[SO-1008,DC-EAST,express]  -1
    x[SO-1008,1,DC-EAST,express]  fill[SO-1008,1]  1
    x[SO-1008,1,DC-EAST,express]  stock[DC-EAST,MON-27]  1
    x[SO-1008,1,DC-EAST,express]  tier[key]  1
    y[SO-1008,DC-WEST,ground]  Obj       35.259
    y[SO-1008,DC-WEST,ground]  link[SO-1008,1,DC-WEST,ground]  -2
    y[SO-1008,DC-WEST,ground]  nonempty[SO-1008,DC-WEST,ground]  1
    y[SO-1008,DC-WEST,ground]  cap_shipments[DC-WEST]  1
    y[SO-1008,DC-WEST,ground]  split[SO-1008]  1
    x[SO-1008,1,DC-WEST,ground]  Obj       1.3002904851149237
    x[SO-1008,1,DC-WEST,ground]  link[SO-1008,1,DC-WEST,ground]  1
    x[SO-1008,1,DC-WEST,ground]  nonempty[SO-1008,DC-WEST,ground]  -1
    x[SO-1008,1,DC-WEST,ground]  fill[SO-1008,1]  1
    x[SO-1008,1,DC-WEST,ground]  stock[DC-WEST,MON-27]  1
    x[SO-1008,1,DC-WEST,ground]  tier[key]  1
    y[SO-1008,DC-WEST,express]  Obj       16
    y[SO-1008,DC-WEST,express]  link[SO-1008,1,DC-WEST,express]  -2
    y[SO-1008,DC-WEST,express]  nonempty[SO-1008,DC-WEST,express]  1
    y[SO-1008,DC-WEST,express]  cap_shipments[DC-WEST]  1
    y[SO-1008,DC-WEST,express]  split[SO-1008]  1
    x[SO-1008,1,DC-WEST,express]  Obj       3.1536295643643344
    x[SO-1008,1,DC-WEST,express]  link[SO-1008,1,DC-WEST,express]  1
    x[SO-1008,1,DC-WEST,express]  nonempty[SO-1008,DC-WEST,express]  -1
    x[SO-1008,1,DC-WEST,express]  fill[SO-1008,1]  1
    x[SO-1008,1,DC-WEST,express]  stock[DC-WEST,MON-27]  1
    x[SO-1008,1,DC-WEST,express]  tier[key]  1
    y[SO-1008,3PL-DFW,ground]  Obj       110.759
    y[SO-1008,3PL-DFW,ground]  link[SO-1008,1,3PL-DFW,ground]  -2
    y[SO-1008,3PL-DFW,ground]  nonempty[SO-1008,3PL-DFW,ground]  1
    y[SO-1008,3PL-DFW,ground]  open[3PL-DFW,42]  1
    y[SO-1008,3PL-DFW,ground]  split[SO-1008]  1
    x[SO-1008,1,3PL-DFW,ground]  Obj       1.9125229494461111
    x[SO-1008,1,3PL-DFW,ground]  link[SO-1008,1,3PL-DFW,ground]  1
    x[SO-1008,1,3PL-DFW,ground]  nonempty[SO-1008,3PL-DFW,ground]  -1
    x[SO-1008,1,3PL-DFW,ground]  fill[SO-1008,1]  1
    x[SO-1008,1,3PL-DFW,ground]  stock[3PL-DFW,MON-27]  1
    x[SO-1008,1,3PL-DFW,ground]  tier[key]  1
    y[SO-1008,3PL-DFW,express]  Obj       41.5
    y[SO-1008,3PL-DFW,express]  link[SO-1008,1,3PL-DFW,express]  -2
    y[SO-1008,3PL-DFW,express]  nonempty[SO-1008,3PL-DFW,express]  1
    y[SO-1008,3PL-DFW,express]  open[3PL-DFW,43]  1
    y[SO-1008,3PL-DFW,express]  split[SO-1008]  1
    x[SO-1008,1,3PL-DFW,express]  Obj       4.8168906083057221
    x[SO-1008,1,3PL-DFW,express]  link[SO-1008,1,3PL-DFW,express]  1
    x[SO-1008,1,3PL-DFW,express]  nonempty[SO-1008,3PL-DFW,express]  -1
    x[SO-1008,1,3PL-DFW,express]  fill[SO-1008,1]  1
    x[SO-1008,1,3PL-DFW,express]  stock[3PL-DFW,MON-27]  1
    x[SO-1008,1,3PL-DFW,express]  tier[key]  1
    y[SO-1009,DC-EAST,ground]  Obj       60.259
    y[SO-1009,DC-EAST,ground]  link[SO-1009,1,DC-EAST,ground]  -4
    y[SO-1009,DC-EAST,ground]  link[SO-1009,2,DC-EAST,ground]  -4
    y[SO-1009,DC-EAST,ground]  nonempty[SO-1009,DC-EAST,ground]  1
    y[SO-1009,DC-EAST,ground]  split[SO-1009]  1
    x[SO-1009,1,DC-EAST,ground]  Obj       2.0109143180506894
    x[SO-1009,1,DC-EAST,ground]  link[SO-1009,1,DC-EAST,ground]  1
    x[SO-1009,1,DC-EAST,ground]  nonempty[SO-1009,DC-EAST,ground]  -1
    x[SO-1009,1,DC-EAST,ground]  fill[SO-1009,1]  1
    x[SO-1009,1,DC-EAST,ground]  stock[DC-EAST,DESK-STAND]  1
    x[SO-1009,1,DC-EAST,ground]  tier[strategic]  1
    x[SO-1009,2,DC-EAST,ground]  Obj       2.0109143180506894
    x[SO-1009,2,DC-EAST,ground]  link[SO-1009,2,DC-EAST,ground]  1
    x[SO-1009,2,DC-EAST,ground]  nonempty[SO-1009,DC-EAST,ground]  -1
    x[SO-1009,2,DC-EAST,ground]  fill[SO-1009,2]  1
    x[SO-1009,2,DC-EAST,ground]  stock[DC-EAST,MON-27]  1
    x[SO-1009,2,DC-EAST,ground]  tier[strategic]  1
    y[SO-1009,DC-EAST,express]  Obj       16
    y[SO-1009,DC-EAST,express]  link[SO-1009,1,DC-EAST,express]  -4
    y[SO-1009,DC-EAST,express]  link[SO-1009,2,DC-EAST,express]  -4
    y[SO-1009,DC-EAST,express]  nonempty[SO-1009,DC-EAST,express]  1
    y[SO-1009,DC-EAST,express]  split[SO-1009]  1
    x[SO-1009,1,DC-EAST,express]  Obj       5.4800766364754709
    x[SO-1009,1,DC-EAST,express]  link[SO-1009,1,DC-EAST,express]  1
    x[SO-1009,1,DC-EAST,express]  nonempty[SO-1009,DC-EAST,express]  -1
    x[SO-1009,1,DC-EAST,express]  fill[SO-1009,1]  1
    x[SO-1009,1,DC-EAST,express]  stock[DC-EAST,DESK-STAND]  1
    x[SO-1009,1,DC-EAST,express]  tier[strategic]  1
    x[SO-1009,2,DC-EAST,express]  Obj       5.4800766364754709
    x[SO-1009,2,DC-EAST,express]  link[SO-1009,2,DC-EAST,express]  1
    x[SO-1009,2,DC-EAST,express]  nonempty[SO-1009,DC-EAST,express]  -1
    x[SO-1009,2,DC-EAST,express]  fill[SO-1009,2]  1
    x[SO-1009,2,DC-EAST,express]  stock[DC-EAST,MON-27]  1
    x[SO-1009,2,DC-EAST,express]  tier[strategic]  1
    y[SO-1009,DC-WEST,ground]  Obj       10.259
    y[SO-1009,DC-WEST,ground]  link[SO-1009,1,DC-WEST,ground]  -4
    y[SO-1009,DC-WEST,ground]  link[SO-1009,2,DC-WEST,ground]  -4
    y[SO-1009,DC-WEST,ground]  nonempty[SO-1009,DC-WEST,ground]  1
    y[SO-1009,DC-WEST,ground]  cap_shipments[DC-WEST]  1
    y[SO-1009,DC-WEST,ground]  split[SO-1009]  1
    x[SO-1009,1,DC-WEST,ground]  Obj       0.88267249819786964
    x[SO-1009,1,DC-WEST,ground]  link[SO-1009,1,DC-WEST,ground]  1
    x[SO-1009,1,DC-WEST,ground]  nonempty[SO-1009,DC-WEST,ground]  -1
    x[SO-1009,1,DC-WEST,ground]  fill[SO-1009,1]  1
    x[SO-1009,1,DC-WEST,ground]  stock[DC-WEST,DESK-STAND]  1
    x[SO-1009,1,DC-WEST,ground]  tier[strategic]  1
    x[SO-1009,2,DC-WEST,ground]  Obj       0.88267249819786964
    x[SO-1009,2,DC-WEST,ground]  link[SO-1009,2,DC-WEST,ground]  1
    x[SO-1009,2,DC-WEST,ground]  nonempty[SO-1009,DC-WEST,ground]  -1
    x[SO-1009,2,DC-WEST,ground]  fill[SO-1009,2]  1
    x[SO-1009,2,DC-WEST,ground]  stock[DC-WEST,MON-27]  1
    x[SO-1009,2,DC-WEST,ground]  tier[strategic]  1
    y[SO-1009,3PL-DFW,ground]  Obj       35.759
    y[SO-1009,3PL-DFW,ground]  link[SO-1009,1,3PL-DFW,ground]  -4
    y[SO-1009,3PL-DFW,ground]  link[SO-1009,2,3PL-DFW,ground]  -4
    y[SO-1009,3PL-DFW,ground]  nonempty[SO-1009,3PL-DFW,ground]  1
    y[SO-1009,3PL-DFW,ground]  open[3PL-DFW,47]  1
    y[SO-1009,3PL-DFW,ground]  split[SO-1009]  1
    x[SO-1009,1,3PL-DFW,ground]  Obj       1.3965719054064154
    x[SO-1009,1,3PL-DFW,ground]  link[SO-1009,1,3PL-DFW,ground]  1
    x[SO-1009,1,3PL-DFW,ground]  nonempty[SO-1009,3PL-DFW,ground]  -1
    x[SO-1009,1,3PL-DFW,ground]  fill[SO-1009,1]  1
    x[SO-1009,1,3PL-DFW,ground]  stock[3PL-DFW,DESK-STAND]  1
    x[SO-1009,1,3PL-DFW,ground]  tier[strategic]  1
    x[SO-1009,2,3PL-DFW,ground]  Obj       1.3965719054064154
    x[SO-1009,2,3PL-DFW,ground]  link[SO-1009,2,3PL-DFW,ground]  1
    x[SO-1009,2,3PL-DFW,ground]  nonempty[SO-1009,3PL-DFW,ground]  -1
    x[SO-1009,2,3PL-DFW,ground]  fill[SO-1009,2]  1
    x[SO-1009,2,3PL-DFW,ground]  stock[3PL-DFW,MON-27]  1
    x[SO-1009,2,3PL-DFW,ground]  tier[strategic]  1
    y[SO-1009,3PL-DFW,express]  Obj       16.5
    y[SO-1009,3PL-DFW,express]  link[SO-1009,1,3PL-DFW,express]  -4
    y[SO-1009,3PL-DFW,express]  link[SO-1009,2,3PL-DFW,express]  -4
    y[SO-1009,3PL-DFW,express]  nonempty[SO-1009,3PL-DFW,express]  1
    y[SO-1009,3PL-DFW,express]  open[3PL-DFW,48]  1
    y[SO-1009,3PL-DFW,express]  split[SO-1009]  1
    x[SO-1009,1,3PL-DFW,express]  Obj       3.1277651665090982
    x[SO-1009,1,3PL-DFW,express]  link[SO-1009,1,3PL-DFW,express]  1
    x[SO-1009,1,3PL-DFW,express]  nonempty[SO-1009,3PL-DFW,express]  -1
    x[SO-1009,1,3PL-DFW,express]  fill[SO-1009,1]  1
    x[SO-1009,1,3PL-DFW,express]  stock[3PL-DFW,DESK-STAND]  1
    x[SO-1009,1,3PL-DFW,express]  tier[strategic]  1
    x[SO-1009,2,3PL-DFW,express]  Obj       3.1277651665090982
    x[SO-1009,2,3PL-DFW,express]  link[SO-1009,2,3PL-DFW,express]  1
    x[SO-1009,2,3PL-DFW,express]  nonempty[SO-1009,3PL-DFW,express]  -1
    x[SO-1009,2,3PL-DFW,express]  fill[SO-1009,2]  1
    x[SO-1009,2,3PL-DFW,express]  stock[3PL-DFW,MON-27]  1
    x[SO-1009,2,3PL-DFW,express]  tier[strategic]  1
    y[SO-1010,DC-EAST,ground]  Obj       35.259
    y[SO-1010,DC-EAST,ground]  link[SO-1010,1,DC-EAST,ground]  -5
    y[SO-1010,DC-EAST,ground]  link[SO-1010,2,DC-EAST,ground]  -3
    y[SO-1010,DC-EAST,ground]  nonempty[SO-1010,DC-EAST,ground]  1
    y[SO-1010,DC-EAST,ground]  split[SO-1010]  1
    x[SO-1010,1,DC-EAST,ground]  Obj       2.1980616398642936
    x[SO-1010,1,DC-EAST,ground]  link[SO-1010,1,DC-EAST,ground]  1
    x[SO-1010,1,DC-EAST,ground]  nonempty[SO-1010,DC-EAST,ground]  -1
    x[SO-1010,1,DC-EAST,ground]  fill[SO-1010,1]  1
    x[SO-1010,1,DC-EAST,ground]  tier[standard]  1
    x[SO-1010,2,DC-EAST,ground]  Obj       2.1980616398642936
    x[SO-1010,2,DC-EAST,ground]  link[SO-1010,2,DC-EAST,ground]  1
    x[SO-1010,2,DC-EAST,ground]  nonempty[SO-1010,DC-EAST,ground]  -1
    x[SO-1010,2,DC-EAST,ground]  fill[SO-1010,2]  1
    x[SO-1010,2,DC-EAST,ground]  tier[standard]  1
    y[SO-1010,DC-EAST,express]  Obj       16
    y[SO-1010,DC-EAST,express]  link[SO-1010,1,DC-EAST,express]  -5
    y[SO-1010,DC-EAST,express]  link[SO-1010,2,DC-EAST,express]  -3
    y[SO-1010,DC-EAST,express]  nonempty[SO-1010,DC-EAST,express]  1
    y[SO-1010,DC-EAST,express]  split[SO-1010]  1
    x[SO-1010,1,DC-EAST,express]  Obj       6.0927613209842946
    x[SO-1010,1,DC-EAST,express]  link[SO-1010,1,DC-EAST,express]  1
    x[SO-1010,1,DC-EAST,express]  nonempty[SO-1010,DC-EAST,express]  -1
    x[SO-1010,1,DC-EAST,express]  fill[SO-1010,1]  1
    x[SO-1010,1,DC-EAST,express]  tier[standard]  1
    x[SO-1010,2,DC-EAST,express]  Obj       6.0927613209842946
    x[SO-1010,2,DC-EAST,express]  link[SO-1010,2,DC-EAST,express]  1
    x[SO-1010,2,DC-EAST,express]  nonempty[SO-1010,DC-EAST,express]  -1
    x[SO-1010,2,DC-EAST,express]  fill[SO-1010,2]  1
    x[SO-1010,2,DC-EAST,express]  tier[standard]  1
    y[SO-1010,DC-WEST,ground]  Obj       10.259
    y[SO-1010,DC-WEST,ground]  link[SO-1010,1,DC-WEST,ground]  -5
    y[SO-1010,DC-WEST,ground]  link[SO-1010,2,DC-WEST,ground]  -3
    y[SO-1010,DC-WEST,ground]  nonempty[SO-1010,DC-WEST,ground]  1
    y[SO-1010,DC-WEST,ground]  cap_shipments[DC-WEST]  1
    y[SO-1010,DC-WEST,ground]  split[SO-1010]  1
    x[SO-1010,1,DC-WEST,ground]  Obj       0.73610061429662155
    x[SO-1010,1,DC-WEST,ground]  link[SO-1010,1,DC-WEST,ground]  1
    x[SO-1010,1,DC-WEST,ground]  nonempty[SO-1010,DC-WEST,ground]  -1
    x[SO-1010,1,DC-WEST,ground]  fill[SO-1010,1]  1
    x[SO-1010,1,DC-WEST,ground]  tier[standard]  1
    x[SO-1010,2,DC-WEST,ground]  Obj       0.73610061429662155
    x[SO-1010,2,DC-WEST,ground]  link[SO-1010,2,DC-WEST,ground]  1
    x[SO-1010,2,DC-WEST,ground]  nonempty[SO-1010,DC-WEST,ground]  -1
    x[SO-1010,2,DC-WEST,ground]  fill[SO-1010,2]  1
    x[SO-1010,2,DC-WEST,ground]  tier[standard]  1
    y[SO-1010,3PL-DFW,ground]  Obj       10.759
    y[SO-1010,3PL-DFW,ground]  link[SO-1010,1,3PL-DFW,ground]  -5
    y[SO-1010,3PL-DFW,ground]  link[SO-1010,2,3PL-DFW,ground]  -3
    y[SO-1010,3PL-DFW,ground]  nonempty[SO-1010,3PL-DFW,ground]  1
    y[SO-1010,3PL-DFW,ground]  open[3PL-DFW,52]  1
    y[SO-1010,3PL-DFW,ground]  split[SO-1010]  1
    x[SO-1010,1,3PL-DFW,ground]  Obj       1.5894607913189156
    x[SO-1010,1,3PL-DFW,ground]  link[SO-1010,1,3PL-DFW,ground]  1
    x[SO-1010,1,3PL-DFW,ground]  nonempty[SO-1010,3PL-DFW,ground]  -1
    x[SO-1010,1,3PL-DFW,ground]  fill[SO-1010,1]  1
    x[SO-1010,1,3PL-DFW,ground]  tier[standard]  1
    x[SO-1010,2,3PL-DFW,ground]  Obj       1.5894607913189156
    x[SO-1010,2,3PL-DFW,ground]  link[SO-1010,2,3PL-DFW,ground]  1
    x[SO-1010,2,3PL-DFW,ground]  nonempty[SO-1010,3PL-DFW,ground]  -1
    x[SO-1010,2,3PL-DFW,ground]  fill[SO-1010,2]  1
    x[SO-1010,2,3PL-DFW,ground]  tier[standard]  1
    y[SO-1010,DS-ATL,ground]  Obj       59.259
    y[SO-1010,DS-ATL,ground]  link[SO-1010,2,DS-ATL,ground]  -3
    y[SO-1010,DS-ATL,ground]  nonempty[SO-1010,DS-ATL,ground]  1
    y[SO-1010,DS-ATL,ground]  open[DS-ATL,53]  1
    y[SO-1010,DS-ATL,ground]  split[SO-1010]  1
    x[SO-1010,2,DS-ATL,ground]  Obj       1.7478699737041472
    x[SO-1010,2,DS-ATL,ground]  link[SO-1010,2,DS-ATL,ground]  1
    x[SO-1010,2,DS-ATL,ground]  nonempty[SO-1010,DS-ATL,ground]  -1
    x[SO-1010,2,DS-ATL,ground]  fill[SO-1010,2]  1
    x[SO-1010,2,DS-ATL,ground]  stock[DS-ATL,KB-WL]  1
    x[SO-1010,2,DS-ATL,ground]  tier[standard]  1
    y[SO-1010,DS-ATL,express]  Obj       15
    y[SO-1010,DS-ATL,express]  link[SO-1010,2,DS-ATL,express]  -3
    y[SO-1010,DS-ATL,express]  nonempty[SO-1010,DS-ATL,express]  1
    y[SO-1010,DS-ATL,express]  open[DS-ATL,54]  1
    y[SO-1010,DS-ATL,express]  split[SO-1010]  1
    x[SO-1010,2,DS-ATL,express]  Obj       4.9599909853409576
    x[SO-1010,2,DS-ATL,express]  link[SO-1010,2,DS-ATL,express]  1
    x[SO-1010,2,DS-ATL,express]  nonempty[SO-1010,DS-ATL,express]  -1
    x[SO-1010,2,DS-ATL,express]  fill[SO-1010,2]  1
    x[SO-1010,2,DS-ATL,express]  stock[DS-ATL,KB-WL]  1
    x[SO-1010,2,DS-ATL,express]  tier[standard]  1
    y[SO-1011,DC-EAST,ground]  Obj       60.259
    y[SO-1011,DC-EAST,ground]  link[SO-1011,1,DC-EAST,ground]  -2
    y[SO-1011,DC-EAST,ground]  link[SO-1011,2,DC-EAST,ground]  -2
    y[SO-1011,DC-EAST,ground]  nonempty[SO-1011,DC-EAST,ground]  1
    y[SO-1011,DC-EAST,ground]  split[SO-1011]  1
    x[SO-1011,1,DC-EAST,ground]  Obj       1.5453243703121622
    x[SO-1011,1,DC-EAST,ground]  link[SO-1011,1,DC-EAST,ground]  1
    x[SO-1011,1,DC-EAST,ground]  nonempty[SO-1011,DC-EAST,ground]  -1
    x[SO-1011,1,DC-EAST,ground]  fill[SO-1011,1]  1
    x[SO-1011,1,DC-EAST,ground]  stock[DC-EAST,DESK-STAND]  1
    x[SO-1011,1,DC-EAST,ground]  tier[key]  1
    x[SO-1011,2,DC-EAST,ground]  Obj       1.5453243703121622
    x[SO-1011,2,DC-EAST,ground]  link[SO-1011,2,DC-EAST,ground]  1
    x[SO-1011,2,DC-EAST,ground]  nonempty[SO-1011,DC-EAST,ground]  -1
    x[SO-1011,2,DC-EAST,ground]  fill[SO-1011,2]  1
    x[SO-1011,2,DC-EAST,ground]  stock[DC-EAST,MON-27]  1
    x[SO-1011,2,DC-EAST,ground]  tier[key]  1
    y[SO-1011,DC-EAST,express]  Obj       16
    y[SO-1011,DC-EAST,express]  link[SO-1011,1,DC-EAST,express]  -2
    y[SO-1011,DC-EAST,express]  link[SO-1011,2,DC-EAST,express]  -2
    y[SO-1011,DC-EAST,express]  nonempty[SO-1011,DC-EAST,express]  1
    y[SO-1011,DC-EAST,express]  split[SO-1011]  1
    x[SO-1011,1,DC-EAST,express]  Obj       3.9558238313791025
    x[SO-1011,1,DC-EAST,express]  link[SO-1011,1,DC-EAST,express]  1
    x[SO-1011,1,DC-EAST,express]  nonempty[SO-1011,DC-EAST,express]  -1
    x[SO-1011,1,DC-EAST,express]  fill[SO-1011,1]  1
    x[SO-1011,1,DC-EAST,express]  stock[DC-EAST,DESK-STAND]  1
    x[SO-1011,1,DC-EAST,express]  tier[key]  1
    x[SO-1011,2,DC-EAST,express]  Obj       3.9558238313791025
    x[SO-1011,2,DC-EAST,express]  link[SO-1011,2,DC-EAST,express]  1
    x[SO-1011,2,DC-EAST,express]  nonempty[SO-1011,DC-EAST,express]  -1
    x[SO-1011,2,DC-EAST,express]  fill[SO-1011,2]  1
    x[SO-1011,2,DC-EAST,express]  stock[DC-EAST,MON-27]  1
    x[SO-1011,2,DC-EAST,express]  tier[key]  1
    y[SO-1011,DC-WEST,ground]  Obj       60.259
    y[SO-1011,DC-WEST,ground]  link[SO-1011,1,DC-WEST,ground]  -2
    y[SO-1011,DC-WEST,ground]  link[SO-1011,2,DC-WEST,ground]  -2
    y[SO-1011,DC-WEST,ground]  nonempty[SO-1011,DC-WEST,ground]  1
    y[SO-1011,DC-WEST,ground]  cap_shipments[DC-WEST]  1
    y[SO-1011,DC-WEST,ground]  split[SO-1011]  1
    x[SO-1011,1,DC-WEST,ground]  Obj       1.5409429872279978
    x[SO-1011,1,DC-WEST,ground]  link[SO-1011,1,DC-WEST,ground]  1
    x[SO-1011,1,DC-WEST,ground]  nonempty[SO-1011,DC-WEST,ground]  -1
    x[SO-1011,1,DC-WEST,ground]  fill[SO-1011,1]  1
    x[SO-1011,1,DC-WEST,ground]  stock[DC-WEST,DESK-STAND]  1
    x[SO-1011,1,DC-WEST,ground]  tier[key]  1
    x[SO-1011,2,DC-WEST,ground]  Obj       1.5409429872279978
    x[SO-1011,2,DC-WEST,ground]  link[SO-1011,2,DC-WEST,ground]  1
    x[SO-1011,2,DC-WEST,ground]  nonempty[SO-1011,DC-WEST,ground]  -1
    x[SO-1011,2,DC-WEST,ground]  fill[SO-1011,2]  1
    x[SO-1011,2,DC-WEST,ground]  stock[DC-WEST,MON-27]  1
    x[SO-1011,2,DC-WEST,ground]  tier[key]  1
    y[SO-1011,DC-WEST,express]  Obj       16
    y[SO-1011,DC-WEST,express]  link[SO-1011,1,DC-WEST,express]  -2
    y[SO-1011,DC-WEST,express]  link[SO-1011,2,DC-WEST,express]  -2
    y[SO-1011,DC-WEST,express]  nonempty[SO-1011,DC-WEST,express]  1
    y[SO-1011,DC-WEST,express]  cap_shipments[DC-WEST]  1
    y[SO-1011,DC-WEST,express]  split[SO-1011]  1
    x[SO-1011,1,DC-WEST,express]  Obj       3.9414800177107079
    x[SO-1011,1,DC-WEST,express]  link[SO-1011,1,DC-WEST,express]  1
    x[SO-1011,1,DC-WEST,express]  nonempty[SO-1011,DC-WEST,express]  -1
    x[SO-1011,1,DC-WEST,express]  fill[SO-1011,1]  1
    x[SO-1011,1,DC-WEST,express]  stock[DC-WEST,DESK-STAND]  1
    x[SO-1011,1,DC-WEST,express]  tier[key]  1
    x[SO-1011,2,DC-WEST,express]  Obj       3.9414800177107079
    x[SO-1011,2,DC-WEST,express]  link[SO-1011,2,DC-WEST,express]  1
    x[SO-1011,2,DC-WEST,express]  nonempty[SO-1011,DC-WEST,express]  -1
    x[SO-1011,2,DC-WEST,express]  fill[SO-1011,2]  1
    x[SO-1011,2,DC-WEST,express]  stock[DC-WEST,MON-27]  1
    x[SO-1011,2,DC-WEST,express]  tier[key]  1
    y[SO-1011,3PL-DFW,ground]  Obj       10.759
    y[SO-1011,3PL-DFW,ground]  link[SO-1011,1,3PL-DFW,ground]  -2
    y[SO-1011,3PL-DFW,ground]  link[SO-1011,2,3PL-DFW,ground]  -2
    y[SO-1011,3PL-DFW,ground]  nonempty[SO-1011,3PL-DFW,ground]  1
    y[SO-1011,3PL-DFW,ground]  open[3PL-DFW,59]  1
    y[SO-1011,3PL-DFW,ground]  split[SO-1011]  1
    x[SO-1011,1,3PL-DFW,ground]  Obj       0.96924544095284448
    x[SO-1011,1,3PL-DFW,ground]  link[SO-1011,1,3PL-DFW,ground]  1
    x[SO-1011,1,3PL-DFW,ground]  nonempty[SO-1011,3PL-DFW,ground]  -1
    x[SO-1011,1,3PL-DFW,ground]  fill[SO-1011,1]  1
    x[SO-1011,1,3PL-DFW,ground]  stock[3PL-DFW,DESK-STAND]  1
    x[SO-1011,1,3PL-DFW,ground]  tier[key]  1
    x[SO-1011,2,3PL-DFW,ground]  Obj       0.96924544095284448
    x[SO-1011,2,3PL-DFW,ground]  link[SO-1011,2,3PL-DFW,ground]  1
    x[SO-1011,2,3PL-DFW,ground]  nonempty[SO-1011,3PL-DFW,ground]  -1
    x[SO-1011,2,3PL-DFW,ground]  fill[SO-1011,2]  1
    x[SO-1011,2,3PL-DFW,ground]  stock[3PL-DFW,MON-27]  1
    x[SO-1011,2,3PL-DFW,ground]  tier[key]  1
    y[SO-1013,DC-EAST,ground]  Obj       35.259
    y[SO-1013,DC-EAST,ground]  link[SO-1013,1,DC-EAST,ground]  -1
    y[SO-1013,DC-EAST,ground]  link[SO-1013,2,DC-EAST,ground]  -2
    y[SO-1013,DC-EAST,ground]  nonempty[SO-1013,DC-EAST,ground]  1
    y[SO-1013,DC-EAST,ground]  split[SO-1013]  1
    x[SO-1013,1,DC-EAST,ground]  Obj       1.0883828563526603
    x[SO-1013,1,DC-EAST,ground]  link[SO-1013,1,DC-EAST,ground]  1
    x[SO-1013,1,DC-EAST,ground]  nonempty[SO-1013,DC-EAST,ground]  -1
    x[SO-1013,1,DC-EAST,ground]  fill[SO-1013,1]  1
    x[SO-1013,1,DC-EAST,ground]  stock[DC-EAST,MON-27]  1
    x[SO-1013,1,DC-EAST,ground]  tier[standard]  1
    x[SO-1013,2,DC-EAST,ground]  Obj       1.0883828563526603
    x[SO-1013,2,DC-EAST,ground]  link[SO-1013,2,DC-EAST,ground]  1
    x[SO-1013,2,DC-EAST,ground]  nonempty[SO-1013,DC-EAST,ground]  -1
    x[SO-1013,2,DC-EAST,ground]  fill[SO-1013,2]  1
    x[SO-1013,2,DC-EAST,ground]  tier[standard]  1
    y[SO-1013,DC-EAST,express]  Obj       16
    y[SO-1013,DC-EAST,express]  link[SO-1013,1,DC-EAST,express]  -1
    y[SO-1013,DC-EAST,express]  link[SO-1013,2,DC-EAST,express]  -2
    y[SO-1013,DC-EAST,express]  nonempty[SO-1013,DC-EAST,express]  1
    y[SO-1013,DC-EAST,express]  split[SO-1013]  1
    x[SO-1013,1,DC-EAST,express]  Obj       2.459884351154543
    x[SO-1013,1,DC-EAST,express]  link[SO-1013,1,DC-EAST,express]  1
    x[SO-1013,1,DC-EAST,express]  nonempty[SO-1013,DC-EAST,express]  -1
    x[SO-1013,1,DC-EAST,express]  fill[SO-1013,1]  1
    x[SO-1013,1,DC-EAST,express]  stock[DC-EAST,MON-27]  1
    x[SO-1013,1,DC-EAST,express]  tier[standard]  1
    x[SO-1013,2,DC-EAST,express]  Obj       2.459884351154543
    x[SO-1013,2,DC-EAST,express]  link[SO-1013,2,DC-EAST,express]  1
    x[SO-1013,2,DC-EAST,express]  nonempty[SO-1013,DC-EAST,express]  -1
    x[SO-1013,2,DC-EAST,express]  fill[SO-1013,2]  1
    x[SO-1013,2,DC-EAST,express]  tier[standard]  1
    y[SO-1013,DC-WEST,ground]  Obj       110.259
    y[SO-1013,DC-WEST,ground]  link[SO-1013,1,DC-WEST,ground]  -1
    y[SO-1013,DC-WEST,ground]  link[SO-1013,2,DC-WEST,ground]  -2
    y[SO-1013,DC-WEST,ground]  nonempty[SO-1013,DC-WEST,ground]  1
    y[SO-1013,DC-WEST,ground]  cap_shipments[DC-WEST]  1
    y[SO-1013,DC-WEST,ground]  split[SO-1013]  1
    x[SO-1013,1,DC-WEST,ground]  Obj       1.7828662347207689
    x[SO-1013,1,DC-WEST,ground]  link[SO-1013,1,DC-WEST,ground]  1
    x[SO-1013,1,DC-WEST,ground]  nonempty[SO-1013,DC-WEST,ground]  -1
    x[SO-1013,1,DC-WEST,ground]  fill[SO-1013,1]  1
    x[SO-1013,1,DC-WEST,ground]  stock[DC-WEST,MON-27]  1
    x[SO-1013,1,DC-WEST,ground]  tier[standard]  1
    x[SO-1013,2,DC-WEST,ground]  Obj       1.7828662347207689
    x[SO-1013,2,DC-WEST,ground]  link[SO-1013,2,DC-WEST,ground]  1
    x[SO-1013,2,DC-WEST,ground]  nonempty[SO-1013,DC-WEST,ground]  -1
    x[SO-1013,2,DC-WEST,ground]  fill[SO-1013,2]  1
    x[SO-1013,2,DC-WEST,ground]  tier[standard]  1
    y[SO-1013,DC-WEST,express]  Obj       41
    y[SO-1013,DC-WEST,express]  link[SO-1013,1,DC-WEST,express]  -1
    y[SO-1013,DC-WEST,express]  link[SO-1013,2,DC-WEST,express]  -2
    y[SO-1013,DC-WEST,express]  nonempty[SO-1013,DC-WEST,express]  1
    y[SO-1013,DC-WEST,express]  cap_shipments[DC-WEST]  1
    y[SO-1013,DC-WEST,express]  split[SO-1013]  1
    x[SO-1013,1,DC-WEST,express]  Obj       4.7334906493834694
    x[SO-1013,1,DC-WEST,express]  link[SO-1013,1,DC-WEST,express]  1
    x[SO-1013,1,DC-WEST,express]  nonempty[SO-1013,DC-WEST,express]  -1
    x[SO-1013,1,DC-WEST,express]  fill[SO-1013,1]  1
    x[SO-1013,1,DC-WEST,express]  stock[DC-WEST,MON-27]  1
    x[SO-1013,1,DC-WEST,express]  tier[standard]  1
    x[SO-1013,2,DC-WEST,express]  Obj       4.7334906493834694
    x[SO-1013,2,DC-WEST,express]  link[SO-1013,2,DC-WEST,express]  1
    x[SO-1013,2,DC-WEST,express]  nonempty[SO-1013,DC-WEST,express]  -1
    x[SO-1013,2,DC-WEST,express]  fill[SO-1013,2]  1
    x[SO-1013,2,DC-WEST,express]  tier[standard]  1
    y[SO-1013,3PL-DFW,ground]  Obj       60.759
    y[SO-1013,3PL-DFW,ground]  link[SO-1013,1,3PL-DFW,ground]  -1
    y[SO-1013,3PL-DFW,ground]  link[SO-1013,2,3PL-DFW,ground]  -2
    y[SO-1013,3PL-DFW,ground]  nonempty[SO-1013,3PL-DFW,ground]  1
    y[SO-1013,3PL-DFW,ground]  open[3PL-DFW,64]  1
    y[SO-1013,3PL-DFW,ground]  split[SO-1013]  1
    x[SO-1013,1,3PL-DFW,ground]  Obj       1.3492800620649663
    x[SO-1013,1,3PL-DFW,ground]  link[SO-1013,1,3PL-DFW,ground]  1
    x[SO-1013,1,3PL-DFW,ground]  nonempty[SO-1013,3PL-DFW,ground]  -1
    x[SO-1013,1,3PL-DFW,ground]  fill[SO-1013,1]  1
    x[SO-1013,1,3PL-DFW,ground]  stock[3PL-DFW,MON-27]  1
    x[SO-1013,1,3PL-DFW,ground]  tier[standard]  1
    x[SO-1013,2,3PL-DFW,ground]  Obj       1.3492800620649663
    x[SO-1013,2,3PL-DFW,ground]  link[SO-1013,2,3PL-DFW,ground]  1
    x[SO-1013,2,3PL-DFW,ground]  nonempty[SO-1013,3PL-DFW,ground]  -1
    x[SO-1013,2,3PL-DFW,ground]  fill[SO-1013,2]  1
    x[SO-1013,2,3PL-DFW,ground]  tier[standard]  1
    y[SO-1013,3PL-DFW,express]  Obj       41.5
    y[SO-1013,3PL-DFW,express]  link[SO-1013,1,3PL-DFW,express]  -1
    y[SO-1013,3PL-DFW,express]  link[SO-1013,2,3PL-DFW,express]  -2
    y[SO-1013,3PL-DFW,express]  nonempty[SO-1013,3PL-DFW,express]  1
    y[SO-1013,3PL-DFW,express]  open[3PL-DFW,65]  1
    y[SO-1013,3PL-DFW,express]  split[SO-1013]  1
    x[SO-1013,1,3PL-DFW,express]  Obj       2.972940679379354
    x[SO-1013,1,3PL-DFW,express]  link[SO-1013,1,3PL-DFW,express]  1
    x[SO-1013,1,3PL-DFW,express]  nonempty[SO-1013,3PL-DFW,express]  -1
    x[SO-1013,1,3PL-DFW,express]  fill[SO-1013,1]  1
    x[SO-1013,1,3PL-DFW,express]  stock[3PL-DFW,MON-27]  1
    x[SO-1013,1,3PL-DFW,express]  tier[standard]  1
    x[SO-1013,2,3PL-DFW,express]  Obj       2.972940679379354
    x[SO-1013,2,3PL-DFW,express]  link[SO-1013,2,3PL-DFW,express]  1
    x[SO-1013,2,3PL-DFW,express]  nonempty[SO-1013,3PL-DFW,express]  -1
    x[SO-1013,2,3PL-DFW,express]  fill[SO-1013,2]  1
    x[SO-1013,2,3PL-DFW,express]  tier[standard]  1
    y[SO-1013,STORE-CHI,ground]  Obj       12.259
    y[SO-1013,STORE-CHI,ground]  link[SO-1013,1,STORE-CHI,ground]  -1
    y[SO-1013,STORE-CHI,ground]  link[SO-1013,2,STORE-CHI,ground]  -2
    y[SO-1013,STORE-CHI,ground]  nonempty[SO-1013,STORE-CHI,ground]  1
    y[SO-1013,STORE-CHI,ground]  split[SO-1013]  1
    x[SO-1013,1,STORE-CHI,ground]  Obj       1.4316714526488505
    x[SO-1013,1,STORE-CHI,ground]  link[SO-1013,1,STORE-CHI,ground]  1
    x[SO-1013,1,STORE-CHI,ground]  nonempty[SO-1013,STORE-CHI,ground]  -1
    x[SO-1013,1,STORE-CHI,ground]  fill[SO-1013,1]  1
    x[SO-1013,1,STORE-CHI,ground]  tier[standard]  1
    x[SO-1013,2,STORE-CHI,ground]  Obj       1.4316714526488505
    x[SO-1013,2,STORE-CHI,ground]  link[SO-1013,2,STORE-CHI,ground]  1
    x[SO-1013,2,STORE-CHI,ground]  nonempty[SO-1013,STORE-CHI,ground]  -1
    x[SO-1013,2,STORE-CHI,ground]  fill[SO-1013,2]  1
    x[SO-1013,2,STORE-CHI,ground]  tier[standard]  1
    y[SO-1014,DC-EAST,ground]  Obj       10.259
    y[SO-1014,DC-EAST,ground]  link[SO-1014,1,DC-EAST,ground]  -2
    y[SO-1014,DC-EAST,ground]  link[SO-1014,2,DC-EAST,ground]  -2
    y[SO-1014,DC-EAST,ground]  nonempty[SO-1014,DC-EAST,ground]  1
    y[SO-1014,DC-EAST,ground]  split[SO-1014]  1
    x[SO-1014,1,DC-EAST,ground]  Obj       1.1028406989825021
    x[SO-1014,1,DC-EAST,ground]  link[SO-1014,1,DC-EAST,ground]  1
    x[SO-1014,1,DC-EAST,ground]  nonempty[SO-1014,DC-EAST,ground]  -1
    x[SO-1014,1,DC-EAST,ground]  fill[SO-1014,1]  1
    x[SO-1014,1,DC-EAST,ground]  stock[DC-EAST,DESK-STAND]  1
    x[SO-1014,1,DC-EAST,ground]  tier[key]  1
    x[SO-1014,2,DC-EAST,ground]  Obj       1.1028406989825021
    x[SO-1014,2,DC-EAST,ground]  link[SO-1014,2,DC-EAST,ground]  1
    x[SO-1014,2,DC-EAST,ground]  nonempty[SO-1014,DC-EAST,ground]  -1
    x[SO-1014,2,DC-EAST,ground]  fill[SO-1014,2]  1
    x[SO-1014,2,DC-EAST,ground]  stock[DC-EAST,MON-27]  1
    x[SO-1014,2,DC-EAST,ground]  tier[key]  1
    y[SO-1014,DC-WEST,ground]  Obj       60.259
    y[SO-1014,DC-WEST,ground]  link[SO-1014,1,DC-WEST,ground]  -2
    y[SO-1014,DC-WEST,ground]  link[SO-1014,2,DC-WEST,ground]  -2
    y[SO-1014,DC-WEST,ground]  nonempty[SO-1014,DC-WEST,ground]  1
    y[SO-1014,DC-WEST,ground]  cap_shipments[DC-WEST]  1
    y[SO-1014,DC-WEST,ground]  split[SO-1014]  1
    x[SO-1014,1,DC-WEST,ground]  Obj       1.7660375200771399
    x[SO-1014,1,DC-WEST,ground]  link[SO-1014,1,DC-WEST,ground]  1
    x[SO-1014,1,DC-WEST,ground]  nonempty[SO-1014,DC-WEST,ground]  -1
    x[SO-1014,1,DC-WEST,ground]  fill[SO-1014,1]  1
    x[SO-1014,1,DC-WEST,ground]  stock[DC-WEST,DESK-STAND]  1
    x[SO-1014,1,DC-WEST,ground]  tier[key]  1
    x[SO-1014,2,DC-WEST,ground]  Obj       1.7660375200771399
    x[SO-1014,2,DC-WEST,ground]  link[SO-1014,2,DC-WEST,ground]  1
    x[SO-1014,2,DC-WEST,ground]  nonempty[SO-1014,DC-WEST,ground]  -1
    x[SO-1014,2,DC-WEST,ground]  fill[SO-1014,2]  1
    x[SO-1014,2,DC-WEST,ground]  stock[DC-WEST,MON-27]  1
    x[SO-1014,2,DC-WEST,ground]  tier[key]  1
    y[SO-1014,DC-WEST,express]  Obj       16
    y[SO-1014,DC-WEST,express]  link[SO-1014,1,DC-WEST,express]  -2
    y[SO-1014,DC-WEST,express]  link[SO-1014,2,DC-WEST,express]  -2
    y[SO-1014,DC-WEST,express]  nonempty[SO-1014,DC-WEST,express]  1
    y[SO-1014,DC-WEST,express]  cap_shipments[DC-WEST]  1
    y[SO-1014,DC-WEST,express]  split[SO-1014]  1
    x[SO-1014,1,DC-WEST,express]  Obj       4.6783966431096848
    x[SO-1014,1,DC-WEST,express]  link[SO-1014,1,DC-WEST,express]  1
    x[SO-1014,1,DC-WEST,express]  nonempty[SO-1014,DC-WEST,express]  -1
    x[SO-1014,1,DC-WEST,express]  fill[SO-1014,1]  1
    x[SO-1014,1,DC-WEST,express]  stock[DC-WEST,DESK-STAND]  1
    x[SO-1014,1,DC-WEST,express]  tier[key]  1
    x[SO-1014,2,DC-WEST,express]  Obj       4.6783966431096848
    x[SO-1014,2,DC-WEST,express]  link[SO-1014,2,DC-WEST,express]  1
    x[SO-1014,2,DC-WEST,express]  nonempty[SO-1014,DC-WEST,express]  -1
    x[SO-1014,2,DC-WEST,express]  fill[SO-1014,2]  1
    x[SO-1014,2,DC-WEST,express]  stock[DC-WEST,MON-27]  1
    x[SO-1014,2,DC-WEST,express]  tier[key]  1
    y[SO-1014,3PL-DFW,ground]  Obj       10.759
    y[SO-1014,3PL-DFW,ground]  link[SO-1014,1,3PL-DFW,ground]  -2
    y[SO-1014,3PL-DFW,ground]  link[SO-1014,2,3PL-DFW,ground]  -2
    y[SO-1014,3PL-DFW,ground]  nonempty[SO-1014,3PL-DFW,ground]  1
    y[SO-1014,3PL-DFW,ground]  open[3PL-DFW,70]  1
    y[SO-1014,3PL-DFW,ground]  split[SO-1014]  1
    x[SO-1014,1,3PL-DFW,ground]  Obj       1.3306682654852948
    x[SO-1014,1,3PL-DFW,ground]  link[SO-1014,1,3PL-DFW,ground]  1
    x[SO-1014,1,3PL-DFW,ground]  nonempty[SO-1014,3PL-DFW,ground]  -1
    x[SO-1014,1,3PL-DFW,ground]  fill[SO-1014,1]  1
    x[SO-1014,1,3PL-DFW,ground]  stock[3PL-DFW,DESK-STAND]  1
    x[SO-1014,1,3PL-DFW,ground]  tier[key]  1
    x[SO-1014,2,3PL-DFW,ground]  Obj       1.3306682654852948
    x[SO-1014,2,3PL-DFW,ground]  link[SO-1014,2,3PL-DFW,ground]  1
    x[SO-1014,2,3PL-DFW,ground]  nonempty[SO-1014,3PL-DFW,ground]  -1
    x[SO-1014,2,3PL-DFW,ground]  fill[SO-1014,2]  1
    x[SO-1014,2,3PL-DFW,ground]  stock[3PL-DFW,MON-27]  1
    x[SO-1014,2,3PL-DFW,ground]  tier[key]  1
    y[SO-1015,DC-EAST,ground]  Obj       35.259
    y[SO-1015,DC-EAST,ground]  link[SO-1015,1,DC-EAST,ground]  -1
    y[SO-1015,DC-EAST,ground]  link[SO-1015,2,DC-EAST,ground]  -1
    y[SO-1015,DC-EAST,ground]  nonempty[SO-1015,DC-EAST,ground]  1
    y[SO-1015,DC-EAST,ground]  split[SO-1015]  1
    x[SO-1015,1,DC-EAST,ground]  Obj       1.1014516010386037
    x[SO-1015,1,DC-EAST,ground]  link[SO-1015,1,DC-EAST,ground]  1
    x[SO-1015,1,DC-EAST,ground]  nonempty[SO-1015,DC-EAST,ground]  -1
    x[SO-1015,1,DC-EAST,ground]  fill[SO-1015,1]  1
    x[SO-1015,1,DC-EAST,ground]  tier[standard]  1
    x[SO-1015,2,DC-EAST,ground]  Obj       1.1014516010386037
    x[SO-1015,2,DC-EAST,ground]  link[SO-1015,2,DC-EAST,ground]  1
    x[SO-1015,2,DC-EAST,ground]  nonempty[SO-1015,DC-EAST,ground]  -1
    x[SO-1015,2,DC-EAST,ground]  fill[SO-1015,2]  1
    x[SO-1015,2,DC-EAST,ground]  tier[standard]  1
    y[SO-1015,DC-EAST,express]  Obj       16
    y[SO-1015,DC-EAST,express]  link[SO-1015,1,DC-EAST,express]  -1
    y[SO-1015,DC-EAST,express]  link[SO-1015,2,DC-EAST,express]  -1
    y[SO-1015,DC-EAST,express]  nonempty[SO-1015,DC-EAST,express]  1
    y[SO-1015,DC-EAST,express]  split[SO-1015]  1
    x[SO-1015,1,DC-EAST,express]  Obj       2.5026689319716198
    x[SO-1015,1,DC-EAST,express]  link[SO-1015,1,DC-EAST,express]  1
    x[SO-1015,1,DC-EAST,express]  nonempty[SO-1015,DC-EAST,express]  -1
    x[SO-1015,1,DC-EAST,express]  fill[SO-1015,1]  1
    x[SO-1015,1,DC-EAST,express]  tier[standard]  1
    x[SO-1015,2,DC-EAST,express]  Obj       2.5026689319716198
    x[SO-1015,2,DC-EAST,express]  link[SO-1015,2,DC-EAST,express]  1
    x[SO-1015,2,DC-EAST,express]  nonempty[SO-1015,DC-EAST,express]  -1
    x[SO-1015,2,DC-EAST,express]  fill[SO-1015,2]  1
    x[SO-1015,2,DC-EAST,express]  tier[standard]  1
    y[SO-1015,DC-WEST,ground]  Obj       110.259
    y[SO-1015,DC-WEST,ground]  link[SO-1015,1,DC-WEST,ground]  -1
    y[SO-1015,DC-WEST,ground]  link[SO-1015,2,DC-WEST,ground]  -1
    y[SO-1015,DC-WEST,ground]  nonempty[SO-1015,DC-WEST,ground]  1
    y[SO-1015,DC-WEST,ground]  cap_shipments[DC-WEST]  1
    y[SO-1015,DC-WEST,ground]  split[SO-1015]  1
    x[SO-1015,1,DC-WEST,ground]  Obj       1.7836338402618634
    x[SO-1015,1,DC-WEST,ground]  link[SO-1015,1,DC-WEST,ground]  1
    x[SO-1015,1,DC-WEST,ground]  nonempty[SO-1015,DC-WEST,ground]  -1
    x[SO-1015,1,DC-WEST,ground]  fill[SO-1015,1]  1
    x[SO-1015,1,DC-WEST,ground]  tier[standard]  1
    x[SO-1015,2,DC-WEST,ground]  Obj       1.7836338402618634
    x[SO-1015,2,DC-WEST,ground]  link[SO-1015,2,DC-WEST,ground]  1
    x[SO-1015,2,DC-WEST,ground]  nonempty[SO-1015,DC-WEST,ground]  -1
    x[SO-1015,2,DC-WEST,ground]  fill[SO-1015,2]  1
    x[SO-1015,2,DC-WEST,ground]  tier[standard]  1
    y[SO-1015,DC-WEST,express]  Obj       41
    y[SO-1015,DC-WEST,express]  link[SO-1015,1,DC-WEST,express]  -1
    y[SO-1015,DC-WEST,express]  link[SO-1015,2,DC-WEST,express]  -1
    y[SO-1015,DC-WEST,express]  nonempty[SO-1015,DC-WEST,express]  1
    y[SO-1015,DC-WEST,express]  cap_shipments[DC-WEST]  1
    y[SO-1015,DC-WEST,express]  split[SO-1015]  1
    x[SO-1015,1,DC-WEST,express]  Obj       4.7360036437144339
    x[SO-1015,1,DC-WEST,express]  link[SO-1015,1,DC-WEST,express]  1
    x[SO-1015,1,DC-WEST,express]  nonempty[SO-1015,DC-WEST,express]  -1
    x[SO-1015,1,DC-WEST,express]  fill[SO-1015,1]  1
    x[SO-1015,1,DC-WEST,express]  tier[standard]  1
    x[SO-1015,2,DC-WEST,express]  Obj       4.7360036437144339
    x[SO-1015,2,DC-WEST,express]  link[SO-1015,2,DC-WEST,express]  1
    x[SO-1015,2,DC-WEST,express]  nonempty[SO-1015,DC-WEST,express]  -1
    x[SO-1015,2,DC-WEST,express]  fill[SO-1015,2]  1
    x[SO-1015,2,DC-WEST,express]  tier[standard]  1
    y[SO-1015,3PL-DFW,ground]  Obj       85.759
    y[SO-1015,3PL-DFW,ground]  link[SO-1015,1,3PL-DFW,ground]  -1
    y[SO-1015,3PL-DFW,ground]  link[SO-1015,2,3PL-DFW,ground]  -1
    y[SO-1015,3PL-DFW,ground]  nonempty[SO-1015,3PL-DFW,ground]  1
    y[SO-1015,3PL-DFW,ground]  open[3PL-DFW,75]  1
    y[SO-1015,3PL-DFW,ground]  split[SO-1015]  1
    x[SO-1015,1,3PL-DFW,ground]  Obj       1.3795193092901874
    x[SO-1015,1,3PL-DFW,ground]  link[SO-1015,1,3PL-DFW,ground]  1
    x[SO-1015,1,3PL-DFW,ground]  nonempty[SO-1015,3PL-DFW,ground]  -1
    x[SO-1015,1,3PL-DFW,ground]  fill[SO-1015,1]  1
    x[SO-1015,1,3PL-DFW,ground]  tier[standard]  1
    x[SO-1015,2,3PL-DFW,ground]  Obj       1.3795193092901874
    x[SO-1015,2,3PL-DFW,ground]  link[SO-1015,2,3PL-DFW,ground]  1
    x[SO-1015,2,3PL-DFW,ground]  nonempty[SO-1015,3PL-DFW,ground]  -1
    x[SO-1015,2,3PL-DFW,ground]  fill[SO-1015,2]  1
    x[SO-1015,2,3PL-DFW,ground]  tier[standard]  1
    y[SO-1015,3PL-DFW,express]  Obj       41.5
    y[SO-1015,3PL-DFW,express]  link[SO-1015,1,3PL-DFW,express]  -1
    y[SO-1015,3PL-DFW,express]  link[SO-1015,2,3PL-DFW,express]  -1
    y[SO-1015,3PL-DFW,express]  nonempty[SO-1015,3PL-DFW,express]  1
    y[SO-1015,3PL-DFW,express]  open[3PL-DFW,76]  1
    y[SO-1015,3PL-DFW,express]  split[SO-1015]  1
    x[SO-1015,1,3PL-DFW,express]  Obj       3.0719382149381138
    x[SO-1015,1,3PL-DFW,express]  link[SO-1015,1,3PL-DFW,express]  1
    x[SO-1015,1,3PL-DFW,express]  nonempty[SO-1015,3PL-DFW,express]  -1
    x[SO-1015,1,3PL-DFW,express]  fill[SO-1015,1]  1
    x[SO-1015,1,3PL-DFW,express]  tier[standard]  1
    x[SO-1015,2,3PL-DFW,express]  Obj       3.0719382149381138
    x[SO-1015,2,3PL-DFW,express]  link[SO-1015,2,3PL-DFW,express]  1
    x[SO-1015,2,3PL-DFW,express]  nonempty[SO-1015,3PL-DFW,express]  -1
    x[SO-1015,2,3PL-DFW,express]  fill[SO-1015,2]  1
    x[SO-1015,2,3PL-DFW,express]  tier[standard]  1
    y[SO-1015,STORE-CHI,ground]  Obj       12.259
    y[SO-1015,STORE-CHI,ground]  link[SO-1015,1,STORE-CHI,ground]  -1
    y[SO-1015,STORE-CHI,ground]  link[SO-1015,2,STORE-CHI,ground]  -1
    y[SO-1015,STORE-CHI,ground]  nonempty[SO-1015,STORE-CHI,ground]  1
    y[SO-1015,STORE-CHI,ground]  split[SO-1015]  1
    x[SO-1015,1,STORE-CHI,ground]  Obj       1.4769724355423637
    x[SO-1015,1,STORE-CHI,ground]  link[SO-1015,1,STORE-CHI,ground]  1
    x[SO-1015,1,STORE-CHI,ground]  nonempty[SO-1015,STORE-CHI,ground]  -1
    x[SO-1015,1,STORE-CHI,ground]  fill[SO-1015,1]  1
    x[SO-1015,1,STORE-CHI,ground]  tier[standard]  1
    x[SO-1015,2,STORE-CHI,ground]  Obj       1.4769724355423637
    x[SO-1015,2,STORE-CHI,ground]  link[SO-1015,2,STORE-CHI,ground]  1
    x[SO-1015,2,STORE-CHI,ground]  nonempty[SO-1015,STORE-CHI,ground]  -1
    x[SO-1015,2,STORE-CHI,ground]  fill[SO-1015,2]  1
    x[SO-1015,2,STORE-CHI,ground]  tier[standard]  1
    y[SO-1015,DS-ATL,ground]  Obj       84.259
    y[SO-1015,DS-ATL,ground]  link[SO-1015,1,DS-ATL,ground]  -1
    y[SO-1015,DS-ATL,ground]  link[SO-1015,2,DS-ATL,ground]  -1
    y[SO-1015,DS-ATL,ground]  nonempty[SO-1015,DS-ATL,ground]  1
    y[SO-1015,DS-ATL,ground]  open[DS-ATL,78]  1
    y[SO-1015,DS-ATL,ground]  split[SO-1015]  1
    x[SO-1015,1,DS-ATL,ground]  Obj       0.95735151045786593
    x[SO-1015,1,DS-ATL,ground]  link[SO-1015,1,DS-ATL,ground]  1
    x[SO-1015,1,DS-ATL,ground]  nonempty[SO-1015,DS-ATL,ground]  -1
    x[SO-1015,1,DS-ATL,ground]  fill[SO-1015,1]  1
    x[SO-1015,1,DS-ATL,ground]  stock[DS-ATL,KB-WL]  1
    x[SO-1015,1,DS-ATL,ground]  tier[standard]  1
    x[SO-1015,2,DS-ATL,ground]  Obj       0.95735151045786593
    x[SO-1015,2,DS-ATL,ground]  link[SO-1015,2,DS-ATL,ground]  1
    x[SO-1015,2,DS-ATL,ground]  nonempty[SO-1015,DS-ATL,ground]  -1
    x[SO-1015,2,DS-ATL,ground]  fill[SO-1015,2]  1
    x[SO-1015,2,DS-ATL,ground]  tier[standard]  1
    y[SO-1015,DS-ATL,express]  Obj       65
    y[SO-1015,DS-ATL,express]  link[SO-1015,1,DS-ATL,express]  -1
    y[SO-1015,DS-ATL,express]  link[SO-1015,2,DS-ATL,express]  -1
    y[SO-1015,DS-ATL,express]  nonempty[SO-1015,DS-ATL,express]  1
    y[SO-1015,DS-ATL,express]  open[DS-ATL,79]  1
    y[SO-1015,DS-ATL,express]  split[SO-1015]  1
    x[SO-1015,1,DS-ATL,express]  Obj       2.3719841116180138
    x[SO-1015,1,DS-ATL,express]  link[SO-1015,1,DS-ATL,express]  1
    x[SO-1015,1,DS-ATL,express]  nonempty[SO-1015,DS-ATL,express]  -1
    x[SO-1015,1,DS-ATL,express]  fill[SO-1015,1]  1
    x[SO-1015,1,DS-ATL,express]  stock[DS-ATL,KB-WL]  1
    x[SO-1015,1,DS-ATL,express]  tier[standard]  1
    x[SO-1015,2,DS-ATL,express]  Obj       2.3719841116180138
    x[SO-1015,2,DS-ATL,express]  link[SO-1015,2,DS-ATL,express]  1
    x[SO-1015,2,DS-ATL,express]  nonempty[SO-1015,DS-ATL,express]  -1
    x[SO-1015,2,DS-ATL,express]  fill[SO-1015,2]  1
    x[SO-1015,2,DS-ATL,express]  tier[standard]  1
    y[SO-1016,DS-ATL,ground]  Obj       9.2590000000000003
    y[SO-1016,DS-ATL,ground]  link[SO-1016,1,DS-ATL,ground]  -2
    y[SO-1016,DS-ATL,ground]  nonempty[SO-1016,DS-ATL,ground]  1
    y[SO-1016,DS-ATL,ground]  open[DS-ATL,80]  1
    x[SO-1016,1,DS-ATL,ground]  Obj       0.53394006954931483
    x[SO-1016,1,DS-ATL,ground]  link[SO-1016,1,DS-ATL,ground]  1
    x[SO-1016,1,DS-ATL,ground]  nonempty[SO-1016,DS-ATL,ground]  -1
    x[SO-1016,1,DS-ATL,ground]  tier[standard]  1
    y[SO-1018,DC-EAST,ground]  Obj       60.259
    y[SO-1018,DC-EAST,ground]  link[SO-1018,1,DC-EAST,ground]  -3
    y[SO-1018,DC-EAST,ground]  link[SO-1018,2,DC-EAST,ground]  -6
    y[SO-1018,DC-EAST,ground]  nonempty[SO-1018,DC-EAST,ground]  1
    y[SO-1018,DC-EAST,ground]  split[SO-1018]  1
    x[SO-1018,1,DC-EAST,ground]  Obj       1.5168005256985757
    x[SO-1018,1,DC-EAST,ground]  link[SO-1018,1,DC-EAST,ground]  1
    x[SO-1018,1,DC-EAST,ground]  nonempty[SO-1018,DC-EAST,ground]  -1
    x[SO-1018,1,DC-EAST,ground]  fill[SO-1018,1]  1
    x[SO-1018,1,DC-EAST,ground]  stock[DC-EAST,DESK-STAND]  1
    x[SO-1018,1,DC-EAST,ground]  tier[strategic]  1
    x[SO-1018,2,DC-EAST,ground]  Obj       1.5168005256985757
    x[SO-1018,2,DC-EAST,ground]  link[SO-1018,2,DC-EAST,ground]  1
    x[SO-1018,2,DC-EAST,ground]  nonempty[SO-1018,DC-EAST,ground]  -1
    x[SO-1018,2,DC-EAST,ground]  fill[SO-1018,2]  1
    x[SO-1018,2,DC-EAST,ground]  tier[strategic]  1
    y[SO-1018,DC-EAST,express]  Obj       16
    y[SO-1018,DC-EAST,express]  link[SO-1018,1,DC-EAST,express]  -3
    y[SO-1018,DC-EAST,express]  link[SO-1018,2,DC-EAST,express]  -6
    y[SO-1018,DC-EAST,express]  nonempty[SO-1018,DC-EAST,express]  1
    y[SO-1018,DC-EAST,express]  split[SO-1018]  1
    x[SO-1018,1,DC-EAST,express]  Obj       3.8624421972274803
    x[SO-1018,1,DC-EAST,express]  link[SO-1018,1,DC-EAST,express]  1
    x[SO-1018,1,DC-EAST,express]  nonempty[SO-1018,DC-EAST,express]  -1
    x[SO-1018,1,DC-EAST,express]  fill[SO-1018,1]  1
    x[SO-1018,1,DC-EAST,express]  stock[DC-EAST,DESK-STAND]  1
    x[SO-1018,1,DC-EAST,express]  tier[strategic]  1
    x[SO-1018,2,DC-EAST,express]  Obj       3.8624421972274803
    x[SO-1018,2,DC-EAST,express]  link[SO-1018,2,DC-EAST,express]  1
    x[SO-1018,2,DC-EAST,express]  nonempty[SO-1018,DC-EAST,express]  -1
    x[SO-1018,2,DC-EAST,express]  fill[SO-1018,2]  1
    x[SO-1018,2,DC-EAST,express]  tier[strategic]  1
    y[SO-1018,DC-WEST,ground]  Obj       35.259
    y[SO-1018,DC-WEST,ground]  link[SO-1018,1,DC-WEST,ground]  -3
    y[SO-1018,DC-WEST,ground]  link[SO-1018,2,DC-WEST,ground]  -6
    y[SO-1018,DC-WEST,ground]  nonempty[SO-1018,DC-WEST,ground]  1
    y[SO-1018,DC-WEST,ground]  cap_shipments[DC-WEST]  1
    y[SO-1018,DC-WEST,ground]  split[SO-1018]  1
    x[SO-1018,1,DC-WEST,ground]  Obj       1.4482196009995054
    x[SO-1018,1,DC-WEST,ground]  link[SO-1018,1,DC-WEST,ground]  1
    x[SO-1018,1,DC-WEST,ground]  nonempty[SO-1018,DC-WEST,ground]  -1
    x[SO-1018,1,DC-WEST,ground]  fill[SO-1018,1]  1
    x[SO-1018,1,DC-WEST,ground]  stock[DC-WEST,DESK-STAND]  1
    x[SO-1018,1,DC-WEST,ground]  tier[strategic]  1
    x[SO-1018,2,DC-WEST,ground]  Obj       1.4482196009995054
    x[SO-1018,2,DC-WEST,ground]  link[SO-1018,2,DC-WEST,ground]  1
    x[SO-1018,2,DC-WEST,ground]  nonempty[SO-1018,DC-WEST,ground]  -1
    x[SO-1018,2,DC-WEST,ground]  fill[SO-1018,2]  1
    x[SO-1018,2,DC-WEST,ground]  tier[strategic]  1
    y[SO-1018,DC-WEST,express]  Obj       16
    y[SO-1018,DC-WEST,express]  link[SO-1018,1,DC-WEST,express]  -3
    y[SO-1018,DC-WEST,express]  link[SO-1018,2,DC-WEST,express]  -6
    y[SO-1018,DC-WEST,express]  nonempty[SO-1018,DC-WEST,express]  1
    y[SO-1018,DC-WEST,express]  cap_shipments[DC-WEST]  1
    y[SO-1018,DC-WEST,express]  split[SO-1018]  1
    x[SO-1018,1,DC-WEST,express]  Obj       3.6379213127960002
    x[SO-1018,1,DC-WEST,express]  link[SO-1018,1,DC-WEST,express]  1
    x[SO-1018,1,DC-WEST,express]  nonempty[SO-1018,DC-WEST,express]  -1
    x[SO-1018,1,DC-WEST,express]  fill[SO-1018,1]  1
    x[SO-1018,1,DC-WEST,express]  stock[DC-WEST,DESK-STAND]  1
    x[SO-1018,1,DC-WEST,express]  tier[strategic]  1
    x[SO-1018,2,DC-WEST,express]  Obj       3.6379213127960002
    x[SO-1018,2,DC-WEST,express]  link[SO-1018,2,DC-WEST,express]  1
    x[SO-1018,2,DC-WEST,express]  nonempty[SO-1018,DC-WEST,express]  -1
    x[SO-1018,2,DC-WEST,express]  fill[SO-1018,2]  1
    x[SO-1018,2,DC-WEST,express]  tier[strategic]  1
    y[SO-1018,3PL-DFW,ground]  Obj       10.759
    y[SO-1018,3PL-DFW,ground]  link[SO-1018,1,3PL-DFW,ground]  -3
    y[SO-1018,3PL-DFW,ground]  link[SO-1018,2,3PL-DFW,ground]  -6
    y[SO-1018,3PL-DFW,ground]  nonempty[SO-1018,3PL-DFW,ground]  1
    y[SO-1018,3PL-DFW,ground]  open[3PL-DFW,85]  1
    y[SO-1018,3PL-DFW,ground]  split[SO-1018]  1
    x[SO-1018,1,3PL-DFW,ground]  Obj       0.82853658853623524
    x[SO-1018,1,3PL-DFW,ground]  link[SO-1018,1,3PL-DFW,ground]  1
    x[SO-1018,1,3PL-DFW,ground]  nonempty[SO-1018,3PL-DFW,ground]  -1
    x[SO-1018,1,3PL-DFW,ground]  fill[SO-1018,1]  1
    x[SO-1018,1,3PL-DFW,ground]  stock[3PL-DFW,DESK-STAND]  1
    x[SO-1018,1,3PL-DFW,ground]  tier[strategic]  1
    x[SO-1018,2,3PL-DFW,ground]  Obj       0.82853658853623524
    x[SO-1018,2,3PL-DFW,ground]  link[SO-1018,2,3PL-DFW,ground]  1
    x[SO-1018,2,3PL-DFW,ground]  nonempty[SO-1018,3PL-DFW,ground]  -1
    x[SO-1018,2,3PL-DFW,ground]  fill[SO-1018,2]  1
    x[SO-1018,2,3PL-DFW,ground]  tier[strategic]  1
    y[SO-1019,DC-EAST,ground]  Obj       10.259
    y[SO-1019,DC-EAST,ground]  link[SO-1019,1,DC-EAST,ground]  -2
    y[SO-1019,DC-EAST,ground]  nonempty[SO-1019,DC-EAST,ground]  1
    y[SO-1019,DC-EAST,ground]  split[SO-1019]  1
    x[SO-1019,1,DC-EAST,ground]  Obj       0.76648930046423791
    x[SO-1019,1,DC-EAST,ground]  link[SO-1019,1,DC-EAST,ground]  1
    x[SO-1019,1,DC-EAST,ground]  nonempty[SO-1019,DC-EAST,ground]  -1
    x[SO-1019,1,DC-EAST,ground]  fill[SO-1019,1]  1
    x[SO-1019,1,DC-EAST,ground]  tier[standard]  1
    y[SO-1019,DC-WEST,ground]  Obj       85.259
    y[SO-1019,DC-WEST,ground]  link[SO-1019,1,DC-WEST,ground]  -2
    y[SO-1019,DC-WEST,ground]  nonempty[SO-1019,DC-WEST,ground]  1
    y[SO-1019,DC-WEST,ground]  cap_shipments[DC-WEST]  1
    y[SO-1019,DC-WEST,ground]  split[SO-1019]  1
    x[SO-1019,1,DC-WEST,ground]  Obj       2.1408825919564292
    x[SO-1019,1,DC-WEST,ground]  link[SO-1019,1,DC-WEST,ground]  1
    x[SO-1019,1,DC-WEST,ground]  nonempty[SO-1019,DC-WEST,ground]  -1
    x[SO-1019,1,DC-WEST,ground]  fill[SO-1019,1]  1
    x[SO-1019,1,DC-WEST,ground]  tier[standard]  1
    y[SO-1019,DC-WEST,express]  Obj       16
    y[SO-1019,DC-WEST,express]  link[SO-1019,1,DC-WEST,express]  -2
    y[SO-1019,DC-WEST,express]  nonempty[SO-1019,DC-WEST,express]  1
    y[SO-1019,DC-WEST,express]  cap_shipments[DC-WEST]  1
    y[SO-1019,DC-WEST,express]  split[SO-1019]  1
    x[SO-1019,1,DC-WEST,express]  Obj       5.9055680093811675
    x[SO-1019,1,DC-WEST,express]  link[SO-1019,1,DC-WEST,express]  1
    x[SO-1019,1,DC-WEST,express]  nonempty[SO-1019,DC-WEST,express]  -1
    x[SO-1019,1,DC-WEST,express]  fill[SO-1019,1]  1
    x[SO-1019,1,DC-WEST,express]  tier[standard]  1
    y[SO-1019,3PL-DFW,ground]  Obj       35.759
    y[SO-1019,3PL-DFW,ground]  link[SO-1019,1,3PL-DFW,ground]  -2
    y[SO-1019,3PL-DFW,ground]  nonempty[SO-1019,3PL-DFW,ground]  1
    y[SO-1019,3PL-DFW,ground]  open[3PL-DFW,89]  1
    y[SO-1019,3PL-DFW,ground]  split[SO-1019]  1
    x[SO-1019,1,3PL-DFW,ground]  Obj       1.5900642367013478
    x[SO-1019,1,3PL-DFW,ground]  link[SO-1019,1,3PL-DFW,ground]  1
    x[SO-1019,1,3PL-DFW,ground]  nonempty[SO-1019,3PL-DFW,ground]  -1
    x[SO-1019,1,3PL-DFW,ground]  fill[SO-1019,1]  1
    x[SO-1019,1,3PL-DFW,ground]  tier[standard]  1
    y[SO-1019,3PL-DFW,express]  Obj       16.5
    y[SO-1019,3PL-DFW,express]  link[SO-1019,1,3PL-DFW,express]  -2
    y[SO-1019,3PL-DFW,express]  nonempty[SO-1019,3PL-DFW,express]  1
    y[SO-1019,3PL-DFW,express]  open[3PL-DFW,90]  1
    y[SO-1019,3PL-DFW,express]  split[SO-1019]  1
    x[SO-1019,1,3PL-DFW,express]  Obj       3.7612222034865561
    x[SO-1019,1,3PL-DFW,express]  link[SO-1019,1,3PL-DFW,express]  1
    x[SO-1019,1,3PL-DFW,express]  nonempty[SO-1019,3PL-DFW,express]  -1
    x[SO-1019,1,3PL-DFW,express]  fill[SO-1019,1]  1
    x[SO-1019,1,3PL-DFW,express]  tier[standard]  1
    y[SO-1019,STORE-CHI,ground]  Obj       12.259
    y[SO-1019,STORE-CHI,ground]  link[SO-1019,1,STORE-CHI,ground]  -2
    y[SO-1019,STORE-CHI,ground]  nonempty[SO-1019,STORE-CHI,ground]  1
    y[SO-1019,STORE-CHI,ground]  split[SO-1019]  1
    x[SO-1019,1,STORE-CHI,ground]  Obj       1.8086512057336885
    x[SO-1019,1,STORE-CHI,ground]  link[SO-1019,1,STORE-CHI,ground]  1
    x[SO-1019,1,STORE-CHI,ground]  nonempty[SO-1019,STORE-CHI,ground]  -1
    x[SO-1019,1,STORE-CHI,ground]  fill[SO-1019,1]  1
    x[SO-1019,1,STORE-CHI,ground]  tier[standard]  1
    y[SO-1019,DS-ATL,ground]  Obj       34.259
    y[SO-1019,DS-ATL,ground]  link[SO-1019,1,DS-ATL,ground]  -2
    y[SO-1019,DS-ATL,ground]  nonempty[SO-1019,DS-ATL,ground]  1
    y[SO-1019,DS-ATL,ground]  open[DS-ATL,92]  1
    y[SO-1019,DS-ATL,ground]  split[SO-1019]  1
    x[SO-1019,1,DS-ATL,ground]  Obj       0.87456123723542856
    x[SO-1019,1,DS-ATL,ground]  link[SO-1019,1,DS-ATL,ground]  1
    x[SO-1019,1,DS-ATL,ground]  nonempty[SO-1019,DS-ATL,ground]  -1
    x[SO-1019,1,DS-ATL,ground]  fill[SO-1019,1]  1
    x[SO-1019,1,DS-ATL,ground]  tier[standard]  1
    y[SO-1019,DS-ATL,express]  Obj       15
    y[SO-1019,DS-ATL,express]  link[SO-1019,1,DS-ATL,express]  -2
    y[SO-1019,DS-ATL,express]  nonempty[SO-1019,DS-ATL,express]  1
    y[SO-1019,DS-ATL,express]  open[DS-ATL,93]  1
    y[SO-1019,DS-ATL,express]  split[SO-1019]  1
    x[SO-1019,1,DS-ATL,express]  Obj       2.1009445266636058
    x[SO-1019,1,DS-ATL,express]  link[SO-1019,1,DS-ATL,express]  1
    x[SO-1019,1,DS-ATL,express]  nonempty[SO-1019,DS-ATL,express]  -1
    x[SO-1019,1,DS-ATL,express]  fill[SO-1019,1]  1
    x[SO-1019,1,DS-ATL,express]  tier[standard]  1
    y[SO-1020,DC-EAST,ground]  Obj       10.259
    y[SO-1020,DC-EAST,ground]  link[SO-1020,2,DC-EAST,ground]  -2
    y[SO-1020,DC-EAST,ground]  nonempty[SO-1020,DC-EAST,ground]  1
    y[SO-1020,DC-EAST,ground]  split[SO-1020]  1
    x[SO-1020,2,DC-EAST,ground]  Obj       0.97954648336776695
    x[SO-1020,2,DC-EAST,ground]  link[SO-1020,2,DC-EAST,ground]  1
    x[SO-1020,2,DC-EAST,ground]  nonempty[SO-1020,DC-EAST,ground]  -1
    x[SO-1020,2,DC-EAST,ground]  fill[SO-1020,2]  1
    x[SO-1020,2,DC-EAST,ground]  stock[DC-EAST,MON-27]  1
    x[SO-1020,2,DC-EAST,ground]  tier[key]  1
    y[SO-1020,DC-WEST,ground]  Obj       60.259
    y[SO-1020,DC-WEST,ground]  link[SO-1020,2,DC-WEST,ground]  -2
    y[SO-1020,DC-WEST,ground]  nonempty[SO-1020,DC-WEST,ground]  1
    y[SO-1020,DC-WEST,ground]  cap_shipments[DC-WEST]  1
    y[SO-1020,DC-WEST,ground]  split[SO-1020]  1
    x[SO-1020,2,DC-WEST,ground]  Obj       2.0238309864593003
    x[SO-1020,2,DC-WEST,ground]  link[SO-1020,2,DC-WEST,ground]  1
    x[SO-1020,2,DC-WEST,ground]  nonempty[SO-1020,DC-WEST,ground]  -1
    x[SO-1020,2,DC-WEST,ground]  fill[SO-1020,2]  1
    x[SO-1020,2,DC-WEST,ground]  stock[DC-WEST,MON-27]  1
    x[SO-1020,2,DC-WEST,ground]  tier[key]  1
    y[SO-1020,DC-WEST,express]  Obj       16
    y[SO-1020,DC-WEST,express]  link[SO-1020,2,DC-WEST,express]  -2
    y[SO-1020,DC-WEST,express]  nonempty[SO-1020,DC-WEST,express]  1
    y[SO-1020,DC-WEST,express]  cap_shipments[DC-WEST]  1
    y[SO-1020,DC-WEST,express]  split[SO-1020]  1
    x[SO-1020,2,DC-WEST,express]  Obj       5.5223633485274721
    x[SO-1020,2,DC-WEST,express]  link[SO-1020,2,DC-WEST,express]  1
    x[SO-1020,2,DC-WEST,express]  nonempty[SO-1020,DC-WEST,express]  -1
    x[SO-1020,2,DC-WEST,express]  fill[SO-1020,2]  1
    x[SO-1020,2,DC-WEST,express]  stock[DC-WEST,MON-27]  1
    x[SO-1020,2,DC-WEST,express]  tier[key]  1
    y[SO-1020,3PL-DFW,ground]  Obj       10.759
    y[SO-1020,3PL-DFW,ground]  link[SO-1020,2,3PL-DFW,ground]  -2
    y[SO-1020,3PL-DFW,ground]  nonempty[SO-1020,3PL-DFW,ground]  1
    y[SO-1020,3PL-DFW,ground]  open[3PL-DFW,97]  1
    y[SO-1020,3PL-DFW,ground]  split[SO-1020]  1
    x[SO-1020,2,3PL-DFW,ground]  Obj       1.4256480719011084
    x[SO-1020,2,3PL-DFW,ground]  link[SO-1020,2,3PL-DFW,ground]  1
    x[SO-1020,2,3PL-DFW,ground]  nonempty[SO-1020,3PL-DFW,ground]  -1
    x[SO-1020,2,3PL-DFW,ground]  fill[SO-1020,2]  1
    x[SO-1020,2,3PL-DFW,ground]  stock[3PL-DFW,MON-27]  1
    x[SO-1020,2,3PL-DFW,ground]  tier[key]  1
    y[SO-1020,DS-ATL,ground]  Obj       9.2590000000000003
    y[SO-1020,DS-ATL,ground]  link[SO-1020,1,DS-ATL,ground]  -4
    y[SO-1020,DS-ATL,ground]  nonempty[SO-1020,DS-ATL,ground]  1
    y[SO-1020,DS-ATL,ground]  open[DS-ATL,98]  1
    y[SO-1020,DS-ATL,ground]  split[SO-1020]  1
    x[SO-1020,1,DS-ATL,ground]  Obj       0.66979086696818657
    x[SO-1020,1,DS-ATL,ground]  link[SO-1020,1,DS-ATL,ground]  1
    x[SO-1020,1,DS-ATL,ground]  nonempty[SO-1020,DS-ATL,ground]  -1
    x[SO-1020,1,DS-ATL,ground]  tier[key]  1
    MARK0001  'MARKER'                 'INTEND'
    e[DOCK-USB,DC-EAST,edi]  excess[DOCK-USB,DC-EAST,edi]  -1
    e[DOCK-USB,DC-EAST,edi]  reservation[DOCK-USB,DC-EAST]  1
    MARK0002  'MARKER'                 'INTORG'
    w[3PL-DFW]  Obj       35
    w[3PL-DFW]  open[3PL-DFW,3]  -1
    w[3PL-DFW]  open[3PL-DFW,4]  -1
    w[3PL-DFW]  open[3PL-DFW,8]  -1
    w[3PL-DFW]  open[3PL-DFW,9]  -1
    w[3PL-DFW]  open[3PL-DFW,13]  -1
    w[3PL-DFW]  open[3PL-DFW,14]  -1
    w[3PL-DFW]  open[3PL-DFW,23]  -1
    w[3PL-DFW]  open[3PL-DFW,24]  -1
    w[3PL-DFW]  open[3PL-DFW,28]  -1
    w[3PL-DFW]  open[3PL-DFW,32]  -1
    w[3PL-DFW]  open[3PL-DFW,33]  -1
    w[3PL-DFW]  open[3PL-DFW,42]  -1
    w[3PL-DFW]  open[3PL-DFW,43]  -1
    w[3PL-DFW]  open[3PL-DFW,47]  -1
    w[3PL-DFW]  open[3PL-DFW,48]  -1
    w[3PL-DFW]  open[3PL-DFW,52]  -1
    w[3PL-DFW]  open[3PL-DFW,59]  -1
    w[3PL-DFW]  open[3PL-DFW,64]  -1
    w[3PL-DFW]  open[3PL-DFW,65]  -1
    w[3PL-DFW]  open[3PL-DFW,70]  -1
    w[3PL-DFW]  open[3PL-DFW,75]  -1
    w[3PL-DFW]  open[3PL-DFW,76]  -1
    w[3PL-DFW]  open[3PL-DFW,85]  -1
    w[3PL-DFW]  open[3PL-DFW,89]  -1
    w[3PL-DFW]  open[3PL-DFW,90]  -1
    w[3PL-DFW]  open[3PL-DFW,97]  -1
    w[DS-ATL]  Obj       60
    w[DS-ATL]  open[DS-ATL,15]  -1
    w[DS-ATL]  open[DS-ATL,16]  -1
    w[DS-ATL]  open[DS-ATL,36]  -1
    w[DS-ATL]  open[DS-ATL,37]  -1
    w[DS-ATL]  open[DS-ATL,53]  -1
    w[DS-ATL]  open[DS-ATL,54]  -1
    w[DS-ATL]  open[DS-ATL,78]  -1
    w[DS-ATL]  open[DS-ATL,79]  -1
    w[DS-ATL]  open[DS-ATL,80]  -1
    w[DS-ATL]  open[DS-ATL,92]  -1
    w[DS-ATL]  open[DS-ATL,93]  -1
    w[DS-ATL]  open[DS-ATL,98]  -1
    MARK0003  'MARKER'                 'INTEND'
    s[SO-1001]  Obj       5
    s[SO-1001]  split[SO-1001]  -1
    s[SO-1002]  Obj       5
    s[SO-1002]  split[SO-1002]  -1
    MARK0004  'MARKER'                 'INTORG'
    a[SO-1003]  fill_or_kill[SO-1003,1]  -3
    a[SO-1003]  fill_or_kill[SO-1003,2]  -2
    MARK0005  'MARKER'                 'INTEND'
    s[SO-1003]  Obj       5
    s[SO-1003]  split[SO-1003]  -1
    s[SO-1004]  Obj       5
    s[SO-1004]  split[SO-1004]  -1
    s[SO-1005]  Obj       5
    s[SO-1005]  split[SO-1005]  -1
    s[SO-1006]  Obj       5
    s[SO-1006]  split[SO-1006]  -1
    s[SO-1007]  Obj       5
    s[SO-1007]  split[SO-1007]  -1
    s[SO-1008]  Obj       5
    s[SO-1008]  split[SO-1008]  -1
    s[SO-1009]  Obj       5
    s[SO-1009]  split[SO-1009]  -1
    s[SO-1010]  Obj       5
    s[SO-1010]  split[SO-1010]  -1
    s[SO-1011]  Obj       5
    s[SO-1011]  split[SO-1011]  -1
    s[SO-1013]  Obj       5
    s[SO-1013]  split[SO-1013]  -1
    s[SO-1014]  Obj       5
    s[SO-1014]  split[SO-1014]  -1
    s[SO-1015]  Obj       5
    s[SO-1015]  split[SO-1015]  -1
    s[SO-1018]  Obj       5
    s[SO-1018]  split[SO-1018]  -1
    s[SO-1019]  Obj       5
    s[SO-1019]  split[SO-1019]  -1
    s[SO-1020]  Obj       5
    s[SO-1020]  split[SO-1020]  -1
RHS
    RHS_V     fill[SO-1001,1]  4
    RHS_V     fill[SO-1001,2]  4
    RHS_V     fill[SO-1002,1]  3
    RHS_V     fill[SO-1002,2]  3
    RHS_V     fill[SO-1003,1]  3
    RHS_V     fill[SO-1003,2]  2
    RHS_V     fill[SO-1004,1]  3
    RHS_V     fill[SO-1005,2]  6
    RHS_V     fill[SO-1006,2]  10
    RHS_V     fill[SO-1007,1]  1
    RHS_V     fill[SO-1007,2]  1
    RHS_V     fill[SO-1008,1]  2
    RHS_V     fill[SO-1009,1]  4
    RHS_V     fill[SO-1009,2]  4
    RHS_V     fill[SO-1010,1]  5
    RHS_V     fill[SO-1010,2]  3
    RHS_V     fill[SO-1011,1]  2
    RHS_V     fill[SO-1011,2]  2
    RHS_V     fill[SO-1013,1]  1
    RHS_V     fill[SO-1013,2]  2
    RHS_V     fill[SO-1014,1]  2
    RHS_V     fill[SO-1014,2]  2
    RHS_V     fill[SO-1015,1]  1
    RHS_V     fill[SO-1015,2]  1
    RHS_V     fill[SO-1018,1]  3
    RHS_V     fill[SO-1018,2]  6
    RHS_V     fill[SO-1019,1]  2
    RHS_V     fill[SO-1020,2]  2
    RHS_V     stock[DC-EAST,CHAIR-ERGO]  6
    RHS_V     stock[DC-EAST,MON-27]  30
    RHS_V     stock[DC-EAST,DESK-STAND]  20
    RHS_V     stock[DC-WEST,CHAIR-ERGO]  3
    RHS_V     stock[DC-WEST,MON-27]  15
    RHS_V     stock[DC-WEST,DESK-STAND]  10
    RHS_V     stock[3PL-DFW,MON-27]  10
    RHS_V     stock[3PL-DFW,DESK-STAND]  8
    RHS_V     stock[DS-ATL,KB-WL]  12
    RHS_V     excess[DOCK-USB,DC-EAST,edi]  6
    RHS_V     reservation[DOCK-USB,DC-EAST]  4
    RHS_V     cap_shipments[DC-WEST]  4
    RHS_V     split[SO-1001]  1
    RHS_V     split[SO-1002]  1
    RHS_V     split[SO-1003]  1
    RHS_V     split[SO-1004]  1
    RHS_V     split[SO-1005]  1
    RHS_V     split[SO-1006]  1
    RHS_V     split[SO-1007]  1
    RHS_V     split[SO-1008]  1
    RHS_V     split[SO-1009]  1
    RHS_V     split[SO-1010]  1
    RHS_V     split[SO-1011]  1
    RHS_V     split[SO-1013]  1
    RHS_V     split[SO-1014]  1
    RHS_V     split[SO-1015]  1
    RHS_V     split[SO-1018]  1
    RHS_V     split[SO-1019]  1
    RHS_V     split[SO-1020]  1
    RHS_V     tier[strategic]  24.5
    RHS_V     tier[key]  31.5
    RHS_V     tier[standard]  32.5
BOUNDS
 FX BOUND     offset    1
 BV BOUND     y[SO-1001,DC-EAST,ground]
 UI BOUND     x[SO-1001,1,DC-EAST,ground]  4
 UI BOUND     x[SO-1001,2,DC-EAST,ground]  4
 BV BOUND     y[SO-1001,DC-WEST,ground]
 UI BOUND     x[SO-1001,1,DC-WEST,ground]  3
 UI BOUND     x[SO-1001,2,DC-WEST,ground]  4
 BV BOUND     y[SO-1001,DC-WEST,express]
 UI BOUND     x[SO-1001,1,DC-WEST,express]  3
 UI BOUND     x[SO-1001,2,DC-WEST,express]  4
 BV BOUND     y[SO-1001,3PL-DFW,ground]
 UI BOUND     x[SO-1001,2,3PL-DFW,ground]  4
 BV BOUND     y[SO-1001,3PL-DFW,express]
 UI BOUND     x[SO-1001,2,3PL-DFW,express]  4
 BV BOUND     y[SO-1002,DC-EAST,ground]
 UI BOUND     x[SO-1002,1,DC-EAST,ground]  3
 UI BOUND     x[SO-1002,2,DC-EAST,ground]  3
 BV BOUND     y[SO-1002,DC-EAST,express]
 UI BOUND     x[SO-1002,1,DC-EAST,express]  3
 UI BOUND     x[SO-1002,2,DC-EAST,express]  3
 BV BOUND     y[SO-1002,DC-WEST,ground]
 UI BOUND     x[SO-1002,1,DC-WEST,ground]  3
 UI BOUND     x[SO-1002,2,DC-WEST,ground]  3
 BV BOUND     y[SO-1002,3PL-DFW,ground]
 UI BOUND     x[SO-1002,2,3PL-DFW,ground]  3
 BV BOUND     y[SO-1002,3PL-DFW,express]
 UI BOUND     x[SO-1002,2,3PL-DFW,express]  3
 BV BOUND     y[SO-1003,DC-EAST,ground]
 UI BOUND     x[SO-1003,1,DC-EAST,ground]  3
 UI BOUND     x[SO-1003,2,DC-EAST,ground]  2
 BV BOUND     y[SO-1003,DC-WEST,ground]
 UI BOUND     x[SO-1003,1,DC-WEST,ground]  3
 UI BOUND     x[SO-1003,2,DC-WEST,ground]  2
 BV BOUND     y[SO-1003,DC-WEST,express]
 UI BOUND     x[SO-1003,1,DC-WEST,express]  3
 UI BOUND     x[SO-1003,2,DC-WEST,express]  2
 BV BOUND     y[SO-1003,3PL-DFW,ground]
 UI BOUND     x[SO-1003,2,3PL-DFW,ground]  2
 BV BOUND     y[SO-1003,3PL-DFW,express]
 UI BOUND     x[SO-1003,2,3PL-DFW,express]  2
 BV BOUND     y[SO-1003,DS-ATL,ground]
 UI BOUND     x[SO-1003,2,DS-ATL,ground]  2
 BV BOUND     y[SO-1003,DS-ATL,express]
 UI BOUND     x[SO-1003,2,DS-ATL,express]  2
 BV BOUND     y[SO-1004,DC-EAST,ground]
 UI BOUND     x[SO-1004,1,DC-EAST,ground]  3
 BV BOUND     y[SO-1004,DC-WEST,ground]
 UI BOUND     x[SO-1004,1,DC-WEST,ground]  3
 BV BOUND     y[SO-1004,DC-WEST,express]
 UI BOUND     x[SO-1004,1,DC-WEST,express]  3
 BV BOUND     y[SO-1005,DC-EAST,ground]
 UI BOUND     x[SO-1005,1,DC-EAST,ground]  4
 UI BOUND     x[SO-1005,2,DC-EAST,ground]  6
 BV BOUND     y[SO-1005,DC-WEST,ground]
 UI BOUND     x[SO-1005,2,DC-WEST,ground]  6
 BV BOUND     y[SO-1005,DC-WEST,express]
 UI BOUND     x[SO-1005,2,DC-WEST,express]  6
 BV BOUND     y[SO-1005,3PL-DFW,ground]
 UI BOUND     x[SO-1005,2,3PL-DFW,ground]  6
 BV BOUND     y[SO-1005,3PL-DFW,express]
 UI BOUND     x[SO-1005,2,3PL-DFW,express]  6
 BV BOUND     y[SO-1006,DC-EAST,ground]
 UI BOUND     x[SO-1006,1,DC-EAST,ground]  2
 UI BOUND     x[SO-1006,2,DC-EAST,ground]  10
 BV BOUND     y[SO-1006,DC-WEST,ground]
 UI BOUND     x[SO-1006,2,DC-WEST,ground]  10
 BV BOUND     y[SO-1006,DC-WEST,express]
 UI BOUND     x[SO-1006,2,DC-WEST,express]  10
 BV BOUND     y[SO-1006,3PL-DFW,ground]
 UI BOUND     x[SO-1006,2,3PL-DFW,ground]  10
 BV BOUND     y[SO-1007,DC-EAST,ground]
 BV BOUND     x[SO-1007,1,DC-EAST,ground]
 BV BOUND     x[SO-1007,2,DC-EAST,ground]
 BV BOUND     y[SO-1007,DC-EAST,express]
 BV BOUND     x[SO-1007,1,DC-EAST,express]
 BV BOUND     x[SO-1007,2,DC-EAST,express]
 BV BOUND     y[SO-1007,DC-WEST,ground]
 BV BOUND     x[SO-1007,1,DC-WEST,ground]
 BV BOUND     x[SO-1007,2,DC-WEST,ground]
 BV BOUND     y[SO-1007,3PL-DFW,ground]
 BV BOUND     x[SO-1007,1,3PL-DFW,ground]
 BV BOUND     x[SO-1007,2,3PL-DFW,ground]
 BV BOUND     y[SO-1007,3PL-DFW,express]
 BV BOUND     x[SO-1007,1,3PL-DFW,express]
 BV BOUND     x[SO-1007,2,3PL-DFW,express]
 BV BOUND     y[SO-1007,STORE-CHI,ground]
 BV BOUND     x[SO-1007,1,STORE-CHI,ground]
 BV BOUND     x[SO-1007,2,STORE-CHI,ground]
 BV BOUND     y[SO-1007,STORE-CHI,express]
 BV BOUND     x[SO-1007,1,STORE-CHI,express]
 BV BOUND     x[SO-1007,2,STORE-CHI,express]
 BV BOUND     y[SO-1007,DS-ATL,ground]
 BV BOUND     x[SO-1007,1,DS-ATL,ground]
 BV BOUND     x[SO-1007,2,DS-ATL,ground]
 BV BOUND     y[SO-1007,DS-ATL,express]
 BV BOUND     x[SO-1007,1,DS-ATL,express]
 BV BOUND     x[SO-1007,2,DS-ATL,express]
 BV BOUND     y[SO-1008,DC-EAST,ground]
 UI BOUND     x[SO-1008,1,DC-EAST,ground]  2
 BV BOUND     y[SO-1008,DC-EAST,express]
 UI BOUND     x[SO-1008,1,DC-EAST,express]  2
 BV BOUND     y[SO-1008,DC-WEST,ground]
 UI BOUND     x[SO-1008,1,DC-WEST,ground]  2
 BV BOUND     y[SO-1008,DC-WEST,express]
 UI BOUND     x[SO-1008,1,DC-WEST,express]  2
 BV BOUND     y[SO-1008,3PL-DFW,ground]
 UI BOUND     x[SO-1008,1,3PL-DFW,ground]  2
 BV BOUND     y[SO-1008,3PL-DFW,express]
 UI BOUND     x[SO-1008,1,3PL-DFW,express]  2
 BV BOUND     y[SO-1009,DC-EAST,ground]
 UI BOUND     x[SO-1009,1,DC-EAST,ground]  4
 UI BOUND     x[SO-1009,2,DC-EAST,ground]  4
 BV BOUND     y[SO-1009,DC-EAST,express]
 UI BOUND     x[SO-1009,1,DC-EAST,express]  4
 UI BOUND     x[SO-1009,2,DC-EAST,express]  4
 BV BOUND     y[SO-1009,DC-WEST,ground]
 UI BOUND     x[SO-1009,1,DC-WEST,ground]  4
 UI BOUND     x[SO-1009,2,DC-WEST,ground]  4
 BV BOUND     y[SO-1009,3PL-DFW,ground]
 UI BOUND     x[SO-1009,1,3PL-DFW,ground]  4
 UI BOUND     x[SO-1009,2,3PL-DFW,ground]  4
 BV BOUND     y[SO-1009,3PL-DFW,express]
 UI BOUND     x[SO-1009,1,3PL-DFW,express]  4
 UI BOUND     x[SO-1009,2,3PL-DFW,express]  4
 BV BOUND     y[SO-1010,DC-EAST,ground]
 UI BOUND     x[SO-1010,1,DC-EAST,ground]  5
 UI BOUND     x[SO-1010,2,DC-EAST,ground]  3
 BV BOUND     y[SO-1010,DC-EAST,express]
 UI BOUND     x[SO-1010,1,DC-EAST,express]  5
 UI BOUND     x[SO-1010,2,DC-EAST,express]  3
 BV BOUND     y[SO-1010,DC-WEST,ground]
 UI BOUND     x[SO-1010,1,DC-WEST,ground]  5
 UI BOUND     x[SO-1010,2,DC-WEST,ground]  3
 BV BOUND     y[SO-1010,3PL-DFW,ground]
 UI BOUND     x[SO-1010,1,3PL-DFW,ground]  5
 UI BOUND     x[SO-1010,2,3PL-DFW,ground]  3
 BV BOUND     y[SO-1010,DS-ATL,ground]
 UI BOUND     x[SO-1010,2,DS-ATL,ground]  3
 BV BOUND     y[SO-1010,DS-ATL,express]
 UI BOUND     x[SO-1010,2,DS-ATL,express]  3
 BV BOUND     y[SO-1011,DC-EAST,ground]
 UI BOUND     x[SO-1011,1,DC-EAST,ground]  2
 UI BOUND     x[SO-1011,2,DC-EAST,ground]  2
 BV BOUND     y[SO-1011,DC-EAST,express]
 UI BOUND     x[SO-1011,1,DC-EAST,express]  2
 UI BOUND     x[SO-1011,2,DC-EAST,express]  2
 BV BOUND     y[SO-1011,DC-WEST,ground]
 UI BOUND     x[SO-1011,1,DC-WEST,ground]  2
 UI BOUND     x[SO-1011,2,DC-WEST,ground]  2
 BV BOUND     y[SO-1011,DC-WEST,express]
 UI BOUND     x[SO-1011,1,DC-WEST,express]  2
 UI BOUND     x[SO-1011,2,DC-WEST,express]  2
 BV BOUND     y[SO-1011,3PL-DFW,ground]
 UI BOUND     x[SO-1011,1,3PL-DFW,ground]  2
 UI BOUND     x[SO-1011,2,3PL-DFW,ground]  2
 BV BOUND     y[SO-1013,DC-EAST,ground]
 BV BOUND     x[SO-1013,1,DC-EAST,ground]
 UI BOUND     x[SO-1013,2,DC-EAST,ground]  2
 BV BOUND     y[SO-1013,DC-EAST,express]
 BV BOUND     x[SO-1013,1,DC-EAST,express]
 UI BOUND     x[SO-1013,2,DC-EAST,express]  2
 BV BOUND     y[SO-1013,DC-WEST,ground]
 BV BOUND     x[SO-1013,1,DC-WEST,ground]
 UI BOUND     x[SO-1013,2,DC-WEST,ground]  2
 BV BOUND     y[SO-1013,DC-WEST,express]
 BV BOUND     x[SO-1013,1,DC-WEST,express]
 UI BOUND     x[SO-1013,2,DC-WEST,express]  2
 BV BOUND     y[SO-1013,3PL-DFW,ground]
 BV BOUND     x[SO-1013,1,3PL-DFW,ground]
 UI BOUND     x[SO-1013,2,3PL-DFW,ground]  2
 BV BOUND     y[SO-1013,3PL-DFW,express]
 BV BOUND     x[SO-1013,1,3PL-DFW,express]
 UI BOUND     x[SO-1013,2,3PL-DFW,express]  2
 BV BOUND     y[SO-1013,STORE-CHI,ground]
 BV BOUND     x[SO-1013,1,STORE-CHI,ground]
 UI BOUND     x[SO-1013,2,STORE-CHI,ground]  2
 BV BOUND     y[SO-1014,DC-EAST,ground]
 UI BOUND     x[SO-1014,1,DC-EAST,ground]  2
 UI BOUND     x[SO-1014,2,DC-EAST,ground]  2
 BV BOUND     y[SO-1014,DC-WEST,ground]
 UI BOUND     x[SO-1014,1,DC-WEST,ground]  2
 UI BOUND     x[SO-1014,2,DC-WEST,ground]  2
 BV BOUND     y[SO-1014,DC-WEST,express]
 UI BOUND     x[SO-1014,1,DC-WEST,express]  2
 UI BOUND     x[SO-1014,2,DC-WEST,express]  2
 BV BOUND     y[SO-1014,3PL-DFW,ground]
 UI BOUND     x[SO-1014,1,3PL-DFW,ground]  2
 UI BOUND     x[SO-1014,2,3PL-DFW,ground]  2
 BV BOUND     y[SO-1015,DC-EAST,ground]
 BV BOUND     x[SO-1015,1,DC-EAST,ground]
 BV BOUND     x[SO-1015,2,DC-EAST,ground]
 BV BOUND     y[SO-1015,DC-EAST,express]
 BV BOUND     x[SO-1015,1,DC-EAST,express]
 BV BOUND     x[SO-1015,2,DC-EAST,express]
 BV BOUND     y[SO-1015,DC-WEST,ground]
 BV BOUND     x[SO-1015,1,DC-WEST,ground]
 BV BOUND     x[SO-1015,2,DC-WEST,ground]
 BV BOUND     y[SO-1015,DC-WEST,express]
 BV BOUND     x[SO-1015,1,DC-WEST,express]
 BV BOUND     x[SO-1015,2,DC-WEST,express]
 BV BOUND     y[SO-1015,3PL-DFW,ground]
 BV BOUND     x[SO-1015,1,3PL-DFW,ground]
 BV BOUND     x[SO-1015,2,3PL-DFW,ground]
 BV BOUND     y[SO-1015,3PL-DFW,express]
 BV BOUND     x[SO-1015,1,3PL-DFW,express]
 BV BOUND     x[SO-1015,2,3PL-DFW,express]
 BV BOUND     y[SO-1015,STORE-CHI,ground]
 BV BOUND     x[SO-1015,1,STORE-CHI,ground]
 BV BOUND     x[SO-1015,2,STORE-CHI,ground]
 BV BOUND     y[SO-1015,DS-ATL,ground]
 BV BOUND     x[SO-1015,1,DS-ATL,ground]
 BV BOUND     x[SO-1015,2,DS-ATL,ground]
 BV BOUND     y[SO-1015,DS-ATL,express]
 BV BOUND     x[SO-1015,1,DS-ATL,express]
 BV BOUND     x[SO-1015,2,DS-ATL,express]
 BV BOUND     y[SO-1016,DS-ATL,ground]
 UI BOUND     x[SO-1016,1,DS-ATL,ground]  2
 BV BOUND     y[SO-1018,DC-EAST,ground]
 UI BOUND     x[SO-1018,1,DC-EAST,ground]  3
 UI BOUND     x[SO-1018,2,DC-EAST,ground]  6
 BV BOUND     y[SO-1018,DC-EAST,express]
 UI BOUND     x[SO-1018,1,DC-EAST,express]  3
 UI BOUND     x[SO-1018,2,DC-EAST,express]  6
 BV BOUND     y[SO-1018,DC-WEST,ground]
 UI BOUND     x[SO-1018,1,DC-WEST,ground]  3
 UI BOUND     x[SO-1018,2,DC-WEST,ground]  6
 BV BOUND     y[SO-1018,DC-WEST,express]
 UI BOUND     x[SO-1018,1,DC-WEST,express]  3
 UI BOUND     x[SO-1018,2,DC-WEST,express]  6
 BV BOUND     y[SO-1018,3PL-DFW,ground]
 UI BOUND     x[SO-1018,1,3PL-DFW,ground]  3
 UI BOUND     x[SO-1018,2,3PL-DFW,ground]  6
 BV BOUND     y[SO-1019,DC-EAST,ground]
 UI BOUND     x[SO-1019,1,DC-EAST,ground]  2
 BV BOUND     y[SO-1019,DC-WEST,ground]
 UI BOUND     x[SO-1019,1,DC-WEST,ground]  2
 BV BOUND     y[SO-1019,DC-WEST,express]
 UI BOUND     x[SO-1019,1,DC-WEST,express]  2
 BV BOUND     y[SO-1019,3PL-DFW,ground]
 UI BOUND     x[SO-1019,1,3PL-DFW,ground]  2
 BV BOUND     y[SO-1019,3PL-DFW,express]
 UI BOUND     x[SO-1019,1,3PL-DFW,express]  2
 BV BOUND     y[SO-1019,STORE-CHI,ground]
 UI BOUND     x[SO-1019,1,STORE-CHI,ground]  2
 BV BOUND     y[SO-1019,DS-ATL,ground]
 UI BOUND     x[SO-1019,1,DS-ATL,ground]  2
 BV BOUND     y[SO-1019,DS-ATL,express]
 UI BOUND     x[SO-1019,1,DS-ATL,express]  2
 BV BOUND     y[SO-1020,DC-EAST,ground]
 UI BOUND     x[SO-1020,2,DC-EAST,ground]  2
 BV BOUND     y[SO-1020,DC-WEST,ground]
 UI BOUND     x[SO-1020,2,DC-WEST,ground]  2
 BV BOUND     y[SO-1020,DC-WEST,express]
 UI BOUND     x[SO-1020,2,DC-WEST,express]  2
 BV BOUND     y[SO-1020,3PL-DFW,ground]
 UI BOUND     x[SO-1020,2,3PL-DFW,ground]  2
 BV BOUND     y[SO-1020,DS-ATL,ground]
 UI BOUND     x[SO-1020,1,DS-ATL,ground]  4
 BV BOUND     w[3PL-DFW]
 BV BOUND     w[DS-ATL]
 BV BOUND     a[SO-1003]
ENDATA
