# Reference values for cooperationNetwork() on the embedded city (data/): per Sozialraum the number of actors n,
# active pairs inside m, density, active pairs across the border, linked Sozialräume and facilities without partner.
# Independent implementation: sf (point in polygon, planar) for the facilities' Sozialraum, igraph for the graph
# (simplify() merges several cooperations of one pair; edge_density() of the induced subgraph = m / (n(n-1)/2)).
# Re-run from the project root:  Rscript test/reference/network/vernetzung.R > test/reference/network/vernetzung.csv
suppressPackageStartupMessages({ library(sf); library(igraph) })
invisible(suppressMessages(sf_use_s2(FALSE)))
read <- function(f) read.csv2(file.path("data", f), colClasses = "character", encoding = "UTF-8", check.names = FALSE)
gebiete <- read("gebiete.csv")
areas <- st_read("data/sozialraeume.geojson", quiet = TRUE)
fac <- read("einrichtungen.csv")
pts <- st_as_sf(data.frame(id = fac$einrichtung_id, lon = as.numeric(sub(",", ".", fac$lon)), lat = as.numeric(sub(",", ".", fac$lat))),
                coords = c("lon", "lat"), crs = 4326)
inside <- suppressMessages(st_within(pts, areas))
fac_area <- vapply(inside, function(k) if (length(k) == 1) areas$sozialraum_id[k] else NA_character_, "")
akteure <- read("akteure.csv")
koop <- read("kooperationen.csv")
area_of <- c(setNames(fac_area, fac$einrichtung_id), setNames(akteure$sozialraum_id, akteure$akteur_id))
is_facility <- setNames(c(rep(TRUE, nrow(fac)), rep(FALSE, nrow(akteure))), c(fac$einrichtung_id, akteure$akteur_id))
active <- koop[tolower(koop$aktiv) == "ja", ]
g <- simplify(graph_from_data_frame(active[, c("akteur_a", "akteur_b")], directed = FALSE,
                                    vertices = data.frame(name = names(area_of))))
el <- as_edgelist(g)
cat("sozialraum_id;n;m;density;across;linked;without_partner\n")
for (id in gebiete$sozialraum_id) {
  members <- names(area_of)[!is.na(area_of) & area_of == id]
  n <- length(members)
  sub <- induced_subgraph(g, members)
  m <- ecount(sub)
  dens <- if (n >= 2) sprintf("%.17g", edge_density(sub)) else "NA"
  touch <- (el[, 1] %in% members) != (el[, 2] %in% members)
  others <- ifelse(el[touch, 1] %in% members, el[touch, 2], el[touch, 1])
  linked <- sort(unique(na.omit(area_of[others])))
  deg <- degree(g, members)
  without <- sort(members[is_facility[members] & deg == 0])
  cat(sprintf("%s;%d;%d;%s;%d;%s;%s\n", id, n, m, dens, sum(touch), paste(linked, collapse = "|"), paste(without, collapse = "|")))
}
