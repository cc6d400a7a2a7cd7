import { demoTargets } from './demo-targets';
import { targetProblems } from './target-validation';

describe('targets as data', () => {
  it('the demo targets of the source documents are all valid', () => {
    const targets = demoTargets(2026);
    expect(targets.flatMap((t) => targetProblems(t).map((p) => `${t.indicator}: ${p}`))).toEqual([]);
    expect(targets.find((t) => t.indicator === 'county_visit_rate')).toMatchObject({
      scope: 'default:county',
      rule: { kind: 'threshold', comparator: '>=', value: 0.9 },
    });
    expect(targets.find((t) => t.indicator === 'county_inpatient_rate')?.rule).toEqual({ kind: 'change', comparator: '>=', unit: 'pp', delta: 0.01 });
  });

  it('names what is wrong', () => {
    const base = demoTargets(2026).find((t) => t.indicator === 'county_visit_rate')!;
    expect(targetProblems({ ...base, indicator: 'nope' })).toEqual(['indicator: unknown indicator nope']);
    expect(targetProblems({ ...base, scope: 'default:village' })[0]).toMatch(/^scope/);
    expect(targetProblems({ ...base, dims: 'vaccine=HepB' })[0]).toMatch(/^dims/);
    expect(targetProblems({ ...base, rule: { kind: 'threshold', comparator: '>', value: 1 } as never })[0]).toMatch(/^rule/);
    expect(targetProblems({ ...base, rule: { kind: 'threshold', comparator: '>=', value: 0.8, pace: 'weekly' } as never })).toEqual([
      'rule: pace is pro_rata or year_end',
    ]);
    expect(targetProblems({ ...base, rule: { kind: 'threshold', comparator: '>=', value: 0.8, monthlyWeights: Array(12).fill(0) } })[0]).toMatch(
      /^rule: monthlyWeights/,
    );
    expect(
      targetProblems({
        ...base,
        rule: { kind: 'threshold', comparator: '>=', value: 0.8, pace: 'pro_rata', monthlyWeights: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3] },
      }),
    ).toEqual([]);
  });
});
