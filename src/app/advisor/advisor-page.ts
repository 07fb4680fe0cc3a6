import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { DataAge } from '../shared/data-age';
import { ErrorPanel } from '../shared/error-panel';
import { LIVE_PERIOD, liveResource } from '../shared/live-resource';
import type { AdvisorRule } from './advisor.model';
import { AdvisorService } from './advisor.service';
import { FindingPanel } from './finding-panel';
import { RocksDbCalculator } from './rocksdb-calculator';
import { prefillSources } from './rocksdb-memory';

/**
 * Milliseconds between background reads of the Advisor. Its checks read configs, metrics and
 * record batches, and its lessons move over minutes: a minute keeps the page honest cheaply.
 */
export const ADVISOR_PERIOD = 60_000;

/**
 * `/clusters/:cluster/advisor`: the pipeline's tuning lessons, the worst first and by subject,
 * each with the numbers behind it and the config that fixes it; and a RocksDB memory calculator.
 */
@Component({
  selector: 'kpc-advisor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DataAge,
    ErrorPanel,
    FindingPanel,
    MatButtonModule,
    MatChipsModule,
    MatExpansionModule,
    MatIconModule,
    MatProgressBarModule,
    RocksDbCalculator,
    RouterLink,
  ],
  providers: [{ provide: LIVE_PERIOD, useValue: ADVISOR_PERIOD }],
  templateUrl: './advisor-page.html',
  styleUrl: './advisor-page.scss',
})
export class AdvisorPage {
  /** The cluster name, bound from the route. */
  readonly cluster = input.required<string>();

  private readonly advisor = inject(AdvisorService);
  private readonly clipboard = inject(Clipboard);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly report = liveResource({
    params: () => this.cluster(),
    read: (cluster) => this.advisor.report(cluster),
  });
  protected readonly current = this.report.value;
  protected readonly asOf = computed(() => this.current()?.asOf);
  protected readonly error = computed(() => (this.report.hasValue() ? undefined : this.report.error()));
  protected readonly updateFailure = computed(() => (this.report.hasValue() ? this.report.error()?.message : undefined));

  private readonly findings = computed(() => this.current()?.findings ?? []);
  protected readonly countsLine = computed(() => this.advisor.countsLine(this.advisor.counts(this.findings())));
  protected readonly ruleChoices = computed(() => this.advisor.ruleChoices(this.findings()));
  private readonly chosenRules = signal<AdvisorRule[]>([]);
  /** The chosen rules that still have findings: a rule whose findings went away filters nothing out. */
  protected readonly activeRules = computed(() =>
    this.chosenRules().filter((rule) => this.ruleChoices().some((choice) => choice.rule === rule)),
  );
  /** Tracked by severity, subject and finding id, so a panel left open stays open when the report is read again. */
  protected readonly groups = computed(() => this.advisor.group(this.advisor.ofRules(this.findings(), this.activeRules())));
  protected readonly hasFindings = computed(() => this.findings().length > 0);
  protected readonly canFilter = computed(() => this.ruleChoices().length > 1);
  protected readonly skipped = computed(() =>
    (this.current()?.skipped ?? []).map((skip) => ({ ...skip, label: this.advisor.ruleLabel(skip.rule) })),
  );
  protected readonly hasSkipped = computed(() => this.skipped().length > 0);
  protected readonly prefillSources = computed(() => prefillSources(this.findings()));

  protected chooseRules(rules: AdvisorRule[] | undefined): void {
    this.chosenRules.set(rules ?? []);
  }

  /** Puts the fix's config on the clipboard and says so. */
  protected copyConfig(config: string): void {
    const isCopied = this.clipboard.copy(config);
    this.snackBar.open(isCopied ? 'Copied' : 'The browser refused to copy: select the lines and copy them', undefined, {
      duration: isCopied ? 2_000 : 5_000,
    });
  }
}
