package kpc.streams;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds what RocksDB may take off the heap, one of the operators' lessons: by default every
 * store (and every segment of a windowed store) gets its own block cache and memtables, so
 * native memory grows with the number of stores and partitions, unseen by -Xmx. Here all the
 * stores of the JVM share one small LRU cache, and their memtables are charged to it.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {
  private static final long TOTAL_BYTES = 16L * 1024 * 1024;
  private static final long MEMTABLE_BYTES = 4L * 1024 * 1024;

  private static final Cache CACHE = new LRUCache(TOTAL_BYTES, -1, false, 0.1);
  private static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_BYTES, CACHE);

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(CACHE);
    // Index and filter blocks count against the cache too, pinned at high priority.
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setWriteBufferManager(WRITE_BUFFERS);
    options.setWriteBufferSize(1024 * 1024);
    options.setMaxWriteBufferNumber(2);
    options.setTableFormatConfig(table);
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and the write buffer manager are shared by every store: never closed here.
  }
}
