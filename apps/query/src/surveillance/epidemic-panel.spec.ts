import { addDays } from '@lib/periods';
import { daysToRead, DailyCases } from '@lib/surveillance';
import { epidemicPanel } from './epidemic-panel';

const TODAY = '20240318';
const cases = (county: string, disease: string, day: string, n: number): DailyCases => ({ county, disease, day, cases: n });

describe('epidemic panel (county × disease)', () => {
  // 610921 reported 1 measles case in each of its 15 baseline windows; 610922 influenza 4 a window.
  const history = daysToRead(TODAY).baseline.flatMap((window) => [cases('610921', 'measles', window[3], 1), cases('610922', 'influenza', window[3], 4)]);

  it('counts this week and last, places the week against the band, and takes the colour from the open alert', () => {
    const rows = [
      ...history,
      ...[0, 1, 2, 3].map((d) => cases('610921', 'measles', addDays(TODAY, -d), 2)), // 8 this week
      cases('610921', 'measles', addDays(TODAY, -9), 1), // last week
      cases('610922', 'influenza', TODAY, 3),
      cases('610922', 'cholera', TODAY, 1),
      cases('610923', 'measles', TODAY, 5), // out of scope
    ];
    const panel = epidemicPanel(TODAY, ['610921', '610922'], rows, [
      { county: '610921', disease: 'measles', state: 'firing', status: 'red' },
      { county: '610923', disease: 'measles', state: 'firing', status: 'red' },
    ]);
    expect(panel).toMatchObject({
      windowFrom: '20240312',
      windowTo: TODAY,
      diseases: [
        { code: 'cholera', name: '霍乱' },
        { code: 'measles', name: '麻疹' },
        { code: 'influenza', name: '流行性感冒' },
      ],
    });
    expect(panel.cells).toEqual([
      {
        region: '610921',
        disease: 'measles',
        cases: 8,
        previous: 1,
        status: 'red',
        alertState: 'firing',
        method: 'moving_percentile',
        band: { yellow: 1, red: 1 },
        position: 'above_red',
      },
      { region: '610922', disease: 'cholera', cases: 1, previous: 0, status: 'green', alertState: null, method: 'fixed_threshold', band: null, position: null },
      {
        region: '610922',
        disease: 'influenza',
        cases: 3,
        previous: 0,
        status: 'green',
        alertState: null,
        method: 'moving_percentile',
        band: { yellow: 4, red: 4 },
        position: 'within',
      },
    ]);
  });

  it('keeps a county with an open alert but no recent case, at zero', () => {
    const panel = epidemicPanel(TODAY, ['610924'], [], [{ county: '610924', disease: 'dengue', state: 'pending', status: 'yellow' }]);
    expect(panel.cells).toEqual([expect.objectContaining({ region: '610924', disease: 'dengue', cases: 0, status: 'yellow', alertState: 'pending' })]);
  });
});
