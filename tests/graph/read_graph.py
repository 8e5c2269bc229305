#!/usr/bin/python3
"""Reads a GraphML or GEXF file with NetworkX and prints what the C++ export tests compare.

Usage: read_graph.py graphml|gexf FILE
Prints one JSON object: {"nodes": {id: {attributes}}, "edges": [[u, v, {attributes}], ...]}
with edges sorted by (u, v) as integers. Exit status 3 when networkx is missing, so the
caller can skip rather than fail.
"""
import json
import sys

try:
    import networkx as nx
    from networkx.readwrite import gexf as nx_gexf
except ImportError:
    sys.exit(3)


def register_gexf_13():
    # NetworkX 2.8 knows GEXF 1.1draft and 1.2draft only; 1.3 has the same structure for
    # what we write, under a new namespace.
    nx_gexf.GEXF.versions.setdefault("1.3", {
        "NS_GEXF": "http://gexf.net/1.3",
        "NS_VIZ": "http://gexf.net/1.3/viz",
        "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
        "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
        "VERSION": "1.3",
    })


def main():
    kind, path = sys.argv[1], sys.argv[2]
    if kind == "graphml":
        g = nx.read_graphml(path)
    elif kind == "gexf":
        register_gexf_13()
        g = nx.read_gexf(path)
    else:
        sys.exit("unknown kind " + kind)
    nodes = {str(n): dict(d) for n, d in g.nodes(data=True)}
    edges = []
    for u, v, d in g.edges(data=True):
        a, b = sorted([int(u), int(v)])
        edges.append([a, b, dict(d)])
    edges.sort(key=lambda e: (e[0], e[1]))
    json.dump({"directed": g.is_directed(), "nodes": nodes, "edges": edges}, sys.stdout,
              ensure_ascii=False, default=str)


if __name__ == "__main__":
    main()
