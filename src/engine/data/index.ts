// Browser-safe data loading. The Node file reader is imported directly from './mnistNode'.
export {
  MNIST_ASSET_URL,
  MNIST_MAGIC,
  MNIST_VERSION,
  decodeMnistAsset,
  fetchMnist,
  gunzip,
  isGzip,
  mnistDataset,
  parseMnist,
  pixelsToCsr,
  pixelsToDense,
  type MnistData,
  type MnistSplit,
} from './mnist';
