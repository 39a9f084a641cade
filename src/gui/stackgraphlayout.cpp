#include "stackgraphlayout.h"

#include <QHash>

#include <algorithm>
#include <functional>
#include <limits>
#include <numeric>

namespace StackGraphLayout {

namespace {

bool validEdge(const Edge &edge, int count)
{
    return edge.from >= 0 && edge.from < count && edge.to >= 0 && edge.to < count && edge.from != edge.to;
}

// The edges that layering follows: every valid edge except those closing a cycle (found by a
// depth-first search in node order, so the same graph always loses the same edges).
QList<bool> acyclicEdges(int count, const QList<Edge> &edges)
{
    QList<QList<int>> outgoing(count);
    for (qsizetype i = 0; i < edges.size(); ++i) {
        if (validEdge(edges.at(i), count))
            outgoing[edges.at(i).from].append(int(i));
    }
    QList<bool> kept(edges.size(), false);
    enum Mark { Unseen, OnPath, Done };
    QList<Mark> marks(count, Unseen);
    const std::function<void(int)> visit = [&](int node) {
        marks[node] = OnPath;
        for (int edge : std::as_const(outgoing.at(node))) {
            const int next = edges.at(edge).to;
            if (marks.at(next) == OnPath)
                continue; // closes a cycle
            kept[edge] = true;
            if (marks.at(next) == Unseen)
                visit(next);
        }
        marks[node] = Done;
    };
    for (int node = 0; node < count; ++node) {
        if (marks.at(node) == Unseen)
            visit(node);
    }
    return kept;
}

// Longest-path layering: a node sits one layer below its lowest dependency.
QList<int> longestPathLayers(int count, const QList<Edge> &edges, const QList<bool> &kept)
{
    QList<int> layer(count, 0);
    QList<int> indegree(count, 0);
    QList<QList<int>> outgoing(count);
    for (qsizetype i = 0; i < edges.size(); ++i) {
        if (!kept.at(i))
            continue;
        outgoing[edges.at(i).from].append(edges.at(i).to);
        ++indegree[edges.at(i).to];
    }
    QList<int> ready;
    for (int node = 0; node < count; ++node) {
        if (indegree.at(node) == 0)
            ready.append(node);
    }
    for (qsizetype next = 0; next < ready.size(); ++next) {
        const int node = ready.at(next);
        for (int to : std::as_const(outgoing.at(node))) {
            layer[to] = std::max(layer.at(to), layer.at(node) + 1);
            if (--indegree[to] == 0)
                ready.append(to);
        }
    }
    return layer;
}

// The layered graph: real nodes, then a virtual node per layer a long edge crosses.
struct Layered
{
    int realCount = 0;
    QList<int> layerOf;                    // real and virtual nodes
    QList<std::pair<int, int>> segments;   // upper, lower: adjacent layers
    QList<QList<int>> chains;              // per input edge: its virtual nodes, from `from` on
    QList<QList<int>> layers;              // connected nodes only
    QList<int> isolated;                   // nodes without a valid edge, in node order
    QList<QList<int>> up;                  // per node: its neighbours in the layer above
    QList<QList<int>> down;                // per node: its neighbours in the layer below
};

Layered buildLayered(const Input &input)
{
    Layered g;
    const int count = int(input.widths.size());
    g.realCount = count;
    g.layerOf = longestPathLayers(count, input.edges, acyclicEdges(count, input.edges));
    g.chains.resize(input.edges.size());
    for (qsizetype i = 0; i < input.edges.size(); ++i) {
        const Edge &edge = input.edges.at(i);
        if (!validEdge(edge, count) || g.layerOf.at(edge.from) == g.layerOf.at(edge.to))
            continue;
        const int step = g.layerOf.at(edge.to) > g.layerOf.at(edge.from) ? 1 : -1;
        int previous = edge.from;
        for (int layer = g.layerOf.at(edge.from) + step; layer != g.layerOf.at(edge.to); layer += step) {
            const int dummy = int(g.layerOf.size());
            g.layerOf.append(layer);
            g.chains[i].append(dummy);
            g.segments.append(step > 0 ? std::pair(previous, dummy) : std::pair(dummy, previous));
            previous = dummy;
        }
        g.segments.append(step > 0 ? std::pair(previous, edge.to) : std::pair(edge.to, previous));
    }
    QList<bool> connected(count, false);
    for (const Edge &edge : input.edges) {
        if (validEdge(edge, count))
            connected[edge.from] = connected[edge.to] = true;
    }
    for (int node = 0; node < int(g.layerOf.size()); ++node) {
        if (node < count && !connected.at(node)) {
            g.isolated.append(node);
            continue;
        }
        if (g.layerOf.at(node) >= g.layers.size())
            g.layers.resize(g.layerOf.at(node) + 1);
        g.layers[g.layerOf.at(node)].append(node);
    }
    g.up.resize(g.layerOf.size());
    g.down.resize(g.layerOf.size());
    for (const auto &[upper, lower] : std::as_const(g.segments)) {
        g.down[upper].append(lower);
        g.up[lower].append(upper);
    }
    return g;
}

// One barycenter pass over the layers in `order`, each sorted by the mean position of its
// neighbours in the layer before it in the pass (a node without any keeps its position).
void sweep(QList<QList<int>> &layers, const QList<QList<int>> &neighbours, const QList<int> &order)
{
    QHash<int, qreal> position;
    for (const QList<int> &layer : std::as_const(layers)) {
        for (qsizetype i = 0; i < layer.size(); ++i)
            position.insert(layer.at(i), qreal(i));
    }
    for (int index : order) {
        QList<int> &layer = layers[index];
        QHash<int, qreal> barycenter;
        for (qsizetype i = 0; i < layer.size(); ++i) {
            const QList<int> &near = neighbours.at(layer.at(i));
            qreal sum = 0;
            for (int n : near)
                sum += position.value(n);
            barycenter.insert(layer.at(i), near.isEmpty() ? qreal(i) : sum / qreal(near.size()));
        }
        std::stable_sort(layer.begin(), layer.end(),
                         [&barycenter](int a, int b) { return barycenter.value(a) < barycenter.value(b); });
        for (qsizetype i = 0; i < layer.size(); ++i)
            position.insert(layer.at(i), qreal(i));
    }
}

void reduceCrossings(Layered &g, int sweeps, Result &result)
{
    QList<int> downward(g.layers.size());
    std::iota(downward.begin(), downward.end(), 0);
    QList<int> upward(downward.rbegin(), downward.rend());

    result.crossingsBefore = countCrossings(g.layers, g.segments);
    QList<QList<int>> best = g.layers;
    int fewest = result.crossingsBefore;
    for (int i = 0; i < sweeps && fewest > 0; ++i) {
        sweep(g.layers, g.up, downward);
        int crossings = countCrossings(g.layers, g.segments);
        if (crossings < fewest) {
            fewest = crossings;
            best = g.layers;
        }
        sweep(g.layers, g.down, upward);
        crossings = countCrossings(g.layers, g.segments);
        if (crossings < fewest) {
            fewest = crossings;
            best = g.layers;
        }
    }
    g.layers = best;
    result.crossingsAfter = fewest;
}

// Places one layer's centres as near `desired` as the order and the gaps allow: the mean of a
// placement pushed right from the left and one pushed left from the right (both keep the gaps,
// and so does their mean).
void placeLayer(const QList<int> &layer, const QList<qreal> &widths, qreal gap, const QList<qreal> &desired,
                QList<qreal> &centre)
{
    const qsizetype n = layer.size();
    QList<qreal> left(n);
    QList<qreal> right(n);
    for (qsizetype i = 0; i < n; ++i) {
        left[i] = desired.at(i);
        if (i > 0)
            left[i] = std::max(left.at(i), left.at(i - 1) + (widths.at(layer.at(i - 1)) + widths.at(layer.at(i))) / 2 + gap);
    }
    for (qsizetype i = n - 1; i >= 0; --i) {
        right[i] = desired.at(i);
        if (i < n - 1)
            right[i] = std::min(right.at(i), right.at(i + 1) - (widths.at(layer.at(i + 1)) + widths.at(layer.at(i))) / 2 - gap);
    }
    for (qsizetype i = 0; i < n; ++i)
        centre[layer.at(i)] = (left.at(i) + right.at(i)) / 2;
}

QList<qreal> placeHorizontally(const Layered &g, const QList<qreal> &widths, qreal gap, int sweeps)
{
    QList<qreal> centre(g.layerOf.size(), 0);
    for (const QList<int> &layer : g.layers) {
        qreal x = 0;
        for (int node : layer) {
            centre[node] = x + widths.at(node) / 2;
            x += widths.at(node) + gap;
        }
    }
    const auto align = [&](int index, const QList<QList<int>> &neighbours) {
        const QList<int> &layer = g.layers.at(index);
        QList<qreal> desired;
        for (int node : layer) {
            const QList<int> &near = neighbours.at(node);
            qreal sum = 0;
            for (int n : near)
                sum += centre.at(n);
            desired.append(near.isEmpty() ? centre.at(node) : sum / qreal(near.size()));
        }
        placeLayer(layer, widths, gap, desired, centre);
    };
    for (int i = 0; i < sweeps; ++i) {
        for (int index = 1; index < int(g.layers.size()); ++index)
            align(index, g.up);
        for (int index = int(g.layers.size()) - 2; index >= 0; --index)
            align(index, g.down);
    }
    return centre;
}

// Nodes without any edge, in rows of input.isolatedPerRow below the rest (a session without
// dependencies is a grid, not one endless layer). Each row is a layer of its own.
template<typename Top>
void placeIsolated(const QList<int> &isolated, const Input &input, const Top &top, Result &result)
{
    const int perRow = std::max(1, input.isolatedPerRow);
    const int firstLayer = int(result.layers.size());
    for (qsizetype i = 0; i < isolated.size(); ++i) {
        const int layer = firstLayer + int(i / perRow);
        if (i % perRow == 0)
            result.layers.append(QList<int>());
        const QList<int> &row = result.layers.constLast();
        const qreal x = row.isEmpty() ? 0 : result.rects.at(row.constLast()).right() + input.horizontalGap;
        const int node = isolated.at(i);
        result.rects[node] = QRectF(x, top(layer), input.widths.at(node), input.height);
        result.layerOf[node] = layer;
        result.layers.last().append(node);
        result.bounds = result.bounds.isNull() ? result.rects.at(node) : result.bounds.united(result.rects.at(node));
    }
}

} // namespace

int countCrossings(const QList<QList<int>> &layers, const QList<std::pair<int, int>> &segments)
{
    QHash<int, std::pair<int, int>> place; // node → layer, position
    for (qsizetype l = 0; l < layers.size(); ++l) {
        for (qsizetype i = 0; i < layers.at(l).size(); ++i)
            place.insert(layers.at(l).at(i), {int(l), int(i)});
    }
    QHash<int, QList<std::pair<int, int>>> between; // upper layer → (upper position, lower position)
    for (const auto &[upper, lower] : segments) {
        const auto a = place.value(upper, {-1, -1});
        const auto b = place.value(lower, {-1, -1});
        if (a.first >= 0 && b.first == a.first + 1)
            between[a.first].append({a.second, b.second});
    }
    int crossings = 0;
    for (const QList<std::pair<int, int>> &pairs : std::as_const(between)) {
        for (qsizetype i = 0; i < pairs.size(); ++i) {
            for (qsizetype j = i + 1; j < pairs.size(); ++j) {
                const auto &p = pairs.at(i);
                const auto &q = pairs.at(j);
                if ((p.first < q.first && p.second > q.second) || (p.first > q.first && p.second < q.second))
                    ++crossings;
            }
        }
    }
    return crossings;
}

Result layout(const Input &input)
{
    Result result;
    Layered g = buildLayered(input);
    reduceCrossings(g, input.sweeps, result);

    QList<qreal> widths = input.widths;
    widths.resize(g.layerOf.size(), 0); // a virtual node is a point
    const QList<qreal> centre = placeHorizontally(g, widths, input.horizontalGap, input.sweeps);
    qreal minLeft = std::numeric_limits<qreal>::max();
    for (const QList<int> &layer : std::as_const(g.layers)) {
        for (int node : layer)
            minLeft = std::min(minLeft, centre.at(node) - widths.at(node) / 2);
    }

    const auto top = [&input](int layer) { return layer * (input.height + input.verticalGap); };
    result.rects.resize(g.realCount);
    for (const QList<int> &layer : std::as_const(g.layers)) {
        for (int node : layer) {
            if (node >= g.realCount)
                continue;
            const QRectF rect(centre.at(node) - widths.at(node) / 2 - minLeft, top(g.layerOf.at(node)),
                              widths.at(node), input.height);
            result.rects[node] = rect;
            result.bounds = result.bounds.isNull() ? rect : result.bounds.united(rect);
        }
    }
    for (const QList<int> &chain : std::as_const(g.chains)) {
        QList<QPointF> points;
        for (int dummy : chain) {
            points.append(QPointF(centre.at(dummy) - minLeft, top(g.layerOf.at(dummy)) + input.height / 2));
            result.bounds = result.bounds.united(QRectF(points.constLast(), QSizeF(1, 1)));
        }
        result.bends.append(points);
    }
    result.layerOf = g.layerOf.mid(0, g.realCount);
    result.layers = g.layers;
    placeIsolated(g.isolated, input, top, result);
    return result;
}

} // namespace StackGraphLayout
