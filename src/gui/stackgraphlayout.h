#pragma once

// Where the graph dock puts its nodes: a layered (Sugiyama style) layout as a pure function, so
// that its properties are tested without a window. Dependencies sit above their dependants:
//
//   1. layers by longest path (a node one layer below its lowest dependency; an edge that would
//      close a cycle is left out of the layering and drawn as it falls);
//   2. an edge spanning several layers gets a virtual node in each layer it crosses, so that it
//      is routed between the nodes and its crossings are counted;
//   3. the order in each layer starts as the nodes' order (the session's), then a few barycenter
//      sweeps down and up reorder it; the order with the fewest crossings is kept, so the result
//      never crosses more than the session order did;
//   4. x placement: each node towards the mean x of its neighbours, keeping the order and a gap;
//   5. nodes without any edge go in rows below the rest, a layer each.

#include <QList>
#include <QPointF>
#include <QRectF>

namespace StackGraphLayout {

struct Edge
{
    int from = 0; // the dependency (drawn above)
    int to = 0;   // the dependant (drawn below)
};

struct Input
{
    QList<qreal> widths;      // one per node
    qreal height = 40;        // every node's
    QList<Edge> edges;        // edges naming a missing node or a node itself are ignored
    qreal horizontalGap = 24; // between neighbours in a layer
    qreal verticalGap = 48;   // between layers
    int sweeps = 4;           // barycenter sweeps (each one down and one up)
    int isolatedPerRow = 6;   // nodes without any edge: in rows of this many below the rest
};

struct Result
{
    QList<QRectF> rects;          // one per node, the first at or right of x 0 and y 0
    QList<int> layerOf;           // one per node
    // Per layer, its entries left to right: a node (index < widths.size()) or a virtual node
    // (index >= widths.size(), a point on a long edge).
    QList<QList<int>> layers;
    // Per input edge (in order): the points it passes between its two nodes (virtual nodes'
    // centres), from `from` towards `to`; empty for a short or an ignored edge.
    QList<QList<QPointF>> bends;
    int crossingsBefore = 0;      // with the layers in the nodes' order
    int crossingsAfter = 0;       // with the order kept
    QRectF bounds;
};

Result layout(const Input &input);

// The crossings of the edges between adjacent layers. `segments` joins entries of `layers` (the
// indexes layout() uses, virtual nodes included) that sit in adjacent layers, upper first.
int countCrossings(const QList<QList<int>> &layers, const QList<std::pair<int, int>> &segments);

} // namespace StackGraphLayout
