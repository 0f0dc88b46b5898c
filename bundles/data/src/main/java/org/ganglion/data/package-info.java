/**
 * Datasets, loaders and preprocessing.
 *
 * <ul>
 *   <li>{@link org.ganglion.data.Dataset}, {@link org.ganglion.data.TensorDataset} and
 *       {@link org.ganglion.data.DataLoader}: batching, seeded per-epoch shuffling, drop-last,
 *       background prefetch and a restorable {@link org.ganglion.data.DataLoader.Cursor}.</li>
 *   <li>Readers: {@link org.ganglion.data.IdxFile} (MNIST-style IDX, gzip or raw) and
 *       {@link org.ganglion.data.CsvReader} (header, quoting, categorical columns, reported missing
 *       values with imputation strategies).</li>
 *   <li>{@link org.ganglion.data.Mnist} and {@link org.ganglion.data.FashionMnist}: local folders
 *       first, then an MD5-checked download.</li>
 *   <li>Transforms: {@link org.ganglion.data.Transforms}, {@link org.ganglion.data.Standardizer},
 *       {@link org.ganglion.data.MinMaxScaler}, {@link org.ganglion.data.Splits},
 *       {@link org.ganglion.data.Resampling}.</li>
 * </ul>
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.ganglion.data;
