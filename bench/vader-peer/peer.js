// The speed peer for bench/Attune.Bench `listen`: npm vader-sentiment's polarity_scores over the same texts
// (the four VADER corpora and the GoEmotions test split), on one thread, after warm-up. Prints msg/s.
'use strict';
const fs = require('fs');
const path = require('path');
const vader = require('vader-sentiment');

const dataDir = process.argv[2] || '/work/shared/data';
const rounds = Number(process.argv[3] || 5);

function lines(file) {
  return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
}

function loadCorpus(dir) {
  const texts = [];
  for (const corpus of ['tweets', 'movieReviewSnippets', 'amazonReviewSnippets', 'nytEditorialSnippets']) {
    for (const line of lines(path.join(dir, 'vader', corpus + '_GroundTruth.txt'))) {
      const fields = line.split('\t');
      if (fields.length >= 3) texts.push(fields.slice(2).join('\t'));
    }
  }
  for (const line of lines(path.join(dir, 'goemotions', 'test.tsv'))) {
    const fields = line.split('\t');
    if (fields.length >= 3) texts.push(fields[0]);
  }
  return texts;
}

function readAll(texts) {
  let sum = 0;
  for (const text of texts) sum += vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
  return sum;
}

const texts = loadCorpus(dataDir);
console.log(`vader-sentiment peer: polarity_scores on one thread, ${rounds} rounds after warm-up`);
console.log(`corpus: ${texts.length} texts from ${dataDir}`);
let checksum = readAll(texts) + readAll(texts);
const rates = [];
for (let round = 1; round <= rounds; round++) {
  const start = process.hrtime.bigint();
  checksum += readAll(texts);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  rates.push(texts.length / seconds);
  console.log(`round ${round}: ${rates[rates.length - 1].toFixed(0)} msg/s  ${(seconds * 1e6 / texts.length).toFixed(2)} µs/msg`);
}
rates.sort((a, b) => a - b);
const median = rounds % 2 ? rates[(rounds - 1) / 2] : (rates[rounds / 2 - 1] + rates[rounds / 2]) / 2;
console.log(`messages/second: ${median.toFixed(0)} (median of ${rounds} rounds)`);
console.log(`(checksum ${checksum.toFixed(3)})`);
console.log(`RESULT msg_per_s=${median.toFixed(0)}`);
