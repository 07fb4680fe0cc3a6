// Karma runs the Angular specs in Debian's Chromium (never a downloaded browser).
// It also writes the counts to .test-results/karma.json, which `npm test` adds up.
const fs = require('node:fs');
const path = require('node:path');

process.env.CHROME_BIN = process.env.CHROME_BIN || '/usr/bin/chromium';

function CountsReporter(baseReporterDecorator) {
  baseReporterDecorator(this);
  const counts = { passed: 0, failed: 0, skipped: 0 };
  this.onSpecComplete = (_browser, result) => {
    if (result.skipped) counts.skipped++;
    else if (result.success) counts.passed++;
    else counts.failed++;
  };
  this.onRunComplete = (_browsers, results) => {
    if (results.error) counts.failed = Math.max(counts.failed, 1);
    fs.mkdirSync('.test-results', { recursive: true });
    fs.writeFileSync(path.join('.test-results', 'karma.json'), JSON.stringify(counts));
  };
}
CountsReporter.$inject = ['baseReporterDecorator'];

module.exports = function (config) {
  config.set({
    basePath: '',
    frameworks: ['jasmine'],
    plugins: [require('karma-jasmine'), require('karma-chrome-launcher'), { 'reporter:counts': ['type', CountsReporter] }],
    client: { jasmine: { random: true }, clearContext: false },
    reporters: ['dots', 'counts'],
    browsers: ['ChromiumHeadlessNoSandbox'],
    customLaunchers: {
      ChromiumHeadlessNoSandbox: {
        base: 'ChromeHeadless',
        flags: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
        ],
      },
    },
    singleRun: true,
    restartOnFileChange: false,
  });
};
