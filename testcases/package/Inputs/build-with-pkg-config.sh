#!/bin/sh
# Builds a program against an installed lockgraph with pkg-config only, as
# a Makefile would: build-with-pkg-config.sh PKG_CONFIG PCDIR CXX SRC OUT
# makes OUT (liblockgraph_rt.so) and OUT-static (liblockgraph_rt.a).
set -eu
pkg_config=$1 pcdir=$2 cxx=$3 src=$4 out=$5
# Only the installed tree: no system .pc files.
PKG_CONFIG_LIBDIR=$pcdir
export PKG_CONFIG_LIBDIR
unset PKG_CONFIG_PATH
cflags=$("$pkg_config" --cflags lockgraph)
libs=$("$pkg_config" --libs lockgraph)
libdir=$("$pkg_config" --variable=libdir lockgraph)
"$cxx" -std=c++20 $cflags "$src" -o "$out" $libs
"$cxx" -std=c++20 $cflags "$src" -o "$out-static" "$libdir/liblockgraph_rt.a" -pthread
