module dyad/geo/internal/gengeo

go 1.26.8

require dyad v0.0.0

require golang.org/x/text v0.44.0

replace dyad => ../../..
