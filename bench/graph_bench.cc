// Graph build and one-hop query time on a synthetic store: build/bench/graph_bench --help.
//
// What a graph query really pays is reading the store and building the graph, so the build is
// timed the way the CLI does it (sillok::load_graph, graph/from_store.h): entities, the bulk mention
// table and relations from SQLite, then EntityGraph::add_node/add_article/add_relation. The
// synthetic corpus (deterministic, seeded) has --entities entities and enough articles of 4-8
// entities each to reach about --edges distinct co-appearance pairs; the store is created once
// and reused when the file exists. One-hop queries are timed both on the built graph
// (EntityGraph::neighbors) and straight from the store (Store::co_appearances, what `sillok
// with` runs); the median and the 95th percentile over --queries random entities are printed.
// The graph lays out its Boost adjacency (compressed rows) on the first traversal after
// building, so that first query is timed on its own ("layout") and counted in read + build:
// every graph command that traverses pays it once.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "graph/from_store.h"
#include "graph/graph.h"
#include "store/store.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Process CPU seconds: on a shared machine wall time includes waiting for a core, CPU time
// does not, so both are reported.
double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

struct Options {
  std::string db = "graph_bench.db";
  std::size_t entities = 100000;
  std::size_t edges = 1000000;
  std::size_t queries = 1000;
  int runs = 3;
};

std::size_t parse_size(const std::string& flag, const char* value) {
  if (value == nullptr) throw std::invalid_argument(flag + " needs a value");
  const long long n = std::atoll(value);
  if (n <= 0) throw std::invalid_argument(flag + ": expected a positive number, got " + value);
  return static_cast<std::size_t>(n);
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const char* next = i + 1 < argc ? argv[i + 1] : nullptr;
    if (a == "--help") {
      std::cout << "graph_bench [--db FILE] [--entities N] [--edges N] [--queries N] [--runs N]\n"
                   "Times store read + graph build (median of --runs) and one-hop queries\n"
                   "(median/p95 of --queries). Defaults: graph_bench.db, 100000 entities,\n"
                   "1000000 edges, 1000 queries, 3 runs. The store is reused if FILE exists.\n";
      std::exit(0);
    } else if (a == "--db" && next) {
      o.db = next;
      ++i;
    } else if (a == "--entities") {
      o.entities = parse_size(a, next), ++i;
    } else if (a == "--edges") {
      o.edges = parse_size(a, next), ++i;
    } else if (a == "--queries") {
      o.queries = parse_size(a, next), ++i;
    } else if (a == "--runs") {
      o.runs = static_cast<int>(parse_size(a, next)), ++i;
    } else {
      throw std::invalid_argument("unknown argument '" + a + "' (see --help)");
    }
  }
  return o;
}

// One synthetic article: `k` distinct entities, each named once in one of two sentences.
sillok::Extraction synthetic_article(std::size_t index, const std::vector<std::size_t>& members) {
  sillok::Extraction x;
  x.article.id = "bench-" + std::to_string(index);
  x.article.title = x.article.id;
  x.article.publisher = "";
  const int day = static_cast<int>(index % 28) + 1;
  sillok::Timestamp ts;
  ts.date = sillok::CivilDate{2025, static_cast<int>(index / 28 % 12) + 1, day};
  x.article.published_at = ts;
  std::string text;
  std::size_t cp = 0;  // names are ASCII: bytes are code points
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (i == members.size() / 2) {  // second sentence starts here
      text += ". ";
      cp += 2;
    }
    const std::string name = "e" + std::to_string(members[i]);
    sillok::Entity e;
    e.name = name;
    e.type = static_cast<sillok::EntityType>(members[i] % 3);
    sillok::Mention m;
    m.text = name;
    m.start = cp;
    m.end = cp + name.size();
    m.rule = "bench";
    m.sentence = i < members.size() / 2 ? 0 : 1;
    e.mentions.push_back(m);
    x.entities.push_back(e);
    text += name + " ";
    cp += name.size() + 1;
  }
  x.article.text = text;
  const std::size_t split = text.find(". ");
  x.sentences.push_back({0, split});
  x.sentences.push_back({split + 2, text.size()});
  return x;
}

// Creates the synthetic store: articles of 4-8 entities drawn uniformly until the expected
// number of distinct pairs reaches the target (nearly every pair is new at this density).
void create_store(const Options& o) {
  sillok::Store store = sillok::Store::open(o.db);
  std::mt19937_64 rng(20251229);
  std::uniform_int_distribution<std::size_t> entity(0, o.entities - 1);
  std::uniform_int_distribution<std::size_t> size(4, 8);
  std::size_t pairs = 0;
  std::size_t index = 0;
  std::vector<sillok::Extraction> batch;
  const auto start = Clock::now();
  while (pairs < o.edges) {
    const std::size_t k = size(rng);
    std::vector<std::size_t> members;
    while (members.size() < k) {
      const std::size_t e = entity(rng);
      if (std::find(members.begin(), members.end(), e) == members.end()) members.push_back(e);
    }
    pairs += k * (k - 1) / 2;
    batch.push_back(synthetic_article(index++, members));
    if (batch.size() == 5000) {
      store.ingest(batch);
      batch.clear();
      std::cerr << "\rcreating " << o.db << ": " << index << " articles" << std::flush;
    }
  }
  store.ingest(batch);
  std::cerr << "\rcreated " << o.db << ": " << index << " articles in " << seconds_since(start)
            << " s\n";
}

struct BuildTimes {
  double read = 0, build = 0, layout = 0;              // wall
  double read_cpu = 0, build_cpu = 0, layout_cpu = 0;  // CPU
  double total() const { return read + build + layout; }
  double total_cpu() const { return read_cpu + build_cpu + layout_cpu; }
};

// What every graph command does (sillok::load_graph, graph/from_store.h), with the read and
// build parts timed apart.
sillok::EntityGraph load(const sillok::Store& store, BuildTimes& t) {
  auto start = Clock::now();
  double cpu = cpu_seconds();
  const sillok::GraphSource source = sillok::read_graph_source(store);
  t.read = seconds_since(start);
  t.read_cpu = cpu_seconds() - cpu;

  start = Clock::now();
  cpu = cpu_seconds();
  sillok::EntityGraph graph = sillok::build_graph(source, {});
  t.build = seconds_since(start);
  t.build_cpu = cpu_seconds() - cpu;

  // The first traversal lays out the adjacency; one query on any entity triggers it.
  start = Clock::now();
  cpu = cpu_seconds();
  if (!source.entities.empty()) graph.neighbors(source.entities.front().id);
  t.layout = seconds_since(start);
  t.layout_cpu = cpu_seconds() - cpu;
  return graph;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

double percentile95(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, v.size() * 95 / 100)];
}

// Per-query milliseconds, wall and CPU, of `query` over `count` random entity ids. On a
// shared machine a query that loses its core waits a whole scheduler slice (milliseconds), so
// a wall p95 well above the CPU p95 is waiting, not work.
struct QueryTimes {
  std::vector<double> wall_ms, cpu_ms;
};

QueryTimes time_queries(std::size_t count, const std::vector<std::int64_t>& ids,
                        const std::function<std::size_t(std::int64_t)>& query,
                        std::size_t& results) {
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<std::size_t> pick(0, ids.size() - 1);
  QueryTimes t;
  for (std::size_t i = 0; i < count; ++i) {
    const std::int64_t id = ids[pick(rng)];
    const auto start = Clock::now();
    const double cpu = cpu_seconds();
    results += query(id);
    t.cpu_ms.push_back((cpu_seconds() - cpu) * 1000);
    t.wall_ms.push_back(seconds_since(start) * 1000);
  }
  return t;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Options o = parse(argc, argv);
    if (!std::filesystem::exists(o.db)) create_store(o);
    const sillok::Store store = sillok::Store::open_existing(o.db);
    const sillok::StoreStats stats = store.stats();

    std::vector<double> reads, builds, layouts, totals, read_cpus, build_cpus, layout_cpus,
        cpu_totals;
    sillok::EntityGraph graph;
    for (int run = 0; run < o.runs; ++run) {
      BuildTimes t;
      graph = load(store, t);
      reads.push_back(t.read);
      builds.push_back(t.build);
      layouts.push_back(t.layout);
      totals.push_back(t.total());
      read_cpus.push_back(t.read_cpu);
      build_cpus.push_back(t.build_cpu);
      layout_cpus.push_back(t.layout_cpu);
      cpu_totals.push_back(t.total_cpu());
      std::cerr << "run " << run + 1 << ": read " << t.read << " s (cpu " << t.read_cpu
                << "), build " << t.build << " s (cpu " << t.build_cpu << "), layout " << t.layout
                << " s (cpu " << t.layout_cpu << ")\n";
    }

    std::vector<std::int64_t> ids;
    for (const auto& n : graph.nodes()) ids.push_back(n.id);
    std::size_t results = 0;
    const auto graph_ms = time_queries(
        o.queries, ids, [&](std::int64_t id) { return graph.neighbors(id).size(); }, results);
    const auto store_ms = time_queries(
        std::max<std::size_t>(1, o.queries / 5), ids,
        [&](std::int64_t id) { return store.co_appearances(id).size(); }, results);

    const nlohmann::json out = {
        {"db", o.db},
        {"articles", stats.articles},
        {"entities", graph.node_count()},
        {"edges", graph.edge_count()},
        {"mentions", stats.mentions},
        {"runs", o.runs},
        {"read_s_median", median(reads)},
        {"build_s_median", median(builds)},
        {"layout_s_median", median(layouts)},
        {"read_cpu_s_median", median(read_cpus)},
        {"build_cpu_s_median", median(build_cpus)},
        {"layout_cpu_s_median", median(layout_cpus)},
        {"read_plus_build_s_median", median(totals)},
        {"read_plus_build_cpu_s_median", median(cpu_totals)},
        {"one_hop_graph_ms_median", median(graph_ms.wall_ms)},
        {"one_hop_graph_ms_p95", percentile95(graph_ms.wall_ms)},
        {"one_hop_graph_cpu_ms_median", median(graph_ms.cpu_ms)},
        {"one_hop_graph_cpu_ms_p95", percentile95(graph_ms.cpu_ms)},
        {"one_hop_store_ms_median", median(store_ms.wall_ms)},
        {"one_hop_store_ms_p95", percentile95(store_ms.wall_ms)},
        {"one_hop_store_cpu_ms_median", median(store_ms.cpu_ms)},
        {"one_hop_store_cpu_ms_p95", percentile95(store_ms.cpu_ms)},
        {"one_hop_store_ms_max",
         *std::max_element(store_ms.wall_ms.begin(), store_ms.wall_ms.end())},
        {"queries", {{"graph", graph_ms.wall_ms.size()}, {"store", store_ms.wall_ms.size()}}},
        {"neighbours_seen", results}};
    std::cout << out.dump(2) << "\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "graph_bench: " << e.what() << "\n";
    return 1;
  }
}
