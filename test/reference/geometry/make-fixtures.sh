#!/bin/sh
# Makes the geometry fixtures of test/io/readGeometry.test.ts from the project's own synthetic city
# (data/sozialraeume.geojson, 61 polygons, WGS84) with GDAL's ogr2ogr (GDAL 3.6.2, PROJ from Debian bookworm):
#   sozialraeume_<epsg>.geojson        projected GeoJSON with a "crs" member (urn:ogc:def:crs:EPSG::<epsg>)
#   shp_<epsg>/sozialraeume.{shp,shx,dbf,prj,cpg}   the same as an ESRI Shapefile
#   back_<epsg>.geojson                the projected GeoJSON transformed back to WGS84 by ogr2ogr: the reference
#                                      for the reprojection by proj4js (agreement within 1e-7 degrees)
# Run from the project root: sh test/reference/geometry/make-fixtures.sh
set -eu
src=data/sozialraeume.geojson
out=test/reference/geometry
for epsg in 25832 25833 3035; do
  rm -rf "$out/sozialraeume_$epsg.geojson" "$out/shp_$epsg" "$out/back_$epsg.geojson"
  ogr2ogr -f GeoJSON -s_srs EPSG:4326 -t_srs EPSG:$epsg -lco RFC7946=NO -lco COORDINATE_PRECISION=4 \
    "$out/sozialraeume_$epsg.geojson" "$src"
  mkdir -p "$out/shp_$epsg"
  ogr2ogr -f "ESRI Shapefile" -s_srs EPSG:4326 -t_srs EPSG:$epsg -lco ENCODING=UTF-8 \
    "$out/shp_$epsg/sozialraeume.shp" "$src"
  ogr2ogr -f GeoJSON -t_srs EPSG:4326 -lco RFC7946=NO -lco COORDINATE_PRECISION=10 \
    "$out/back_$epsg.geojson" "$out/sozialraeume_$epsg.geojson"
done
# A Shapefile whose .dbf is in windows-1252 (as ArcGIS writes it) and has no .cpg: the reader's fallback.
rm -rf "$out/shp_1252"
mkdir -p "$out/shp_1252"
ogr2ogr -f "ESRI Shapefile" -s_srs EPSG:4326 -t_srs EPSG:25832 -lco ENCODING=CP1252 \
  "$out/shp_1252/sozialraeume.shp" "$src"
rm -f "$out/shp_1252/sozialraeume.cpg"
# Single points for the Gauß-Krüger and Web-Mercator definitions (test/io/readGeometry.test.ts):
echo "3500000 5700000" | gdaltransform -s_srs EPSG:31467 -t_srs EPSG:4326 -output_xy > "$out/points_31467.txt"
echo "1000000 6600000" | gdaltransform -s_srs EPSG:3857 -t_srs EPSG:4326 -output_xy > "$out/points_3857.txt"
# gdaltransform uses the BeTA2007 grid for DHDN (when installed, as here); the reader uses the 7-parameter shift
# EPSG:1777 ("DHDN to WGS 84 (2)", projinfo -s EPSG:31467 -t EPSG:4326, operation 2), computed here with PROJ's cct:
echo "3500000 5700000 0 0" | cct -d 12 +proj=pipeline +step +inv +proj=tmerc +lat_0=0 +lon_0=9 +k=1 +x_0=3500000 +y_0=0 \
  +ellps=bessel +step +proj=push +v_3 +step +proj=cart +ellps=bessel +step +proj=helmert +x=598.1 +y=73.7 +z=418.2 \
  +rx=0.202 +ry=0.045 +rz=-2.455 +s=6.7 +convention=position_vector +step +inv +proj=cart +ellps=WGS84 +step +proj=pop +v_3 \
  +step +proj=unitconvert +xy_in=rad +xy_out=deg > "$out/points_31467_helmert.txt"
