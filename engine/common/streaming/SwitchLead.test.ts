import { describe, expect, it } from 'vitest';
import { SwitchLead } from './SwitchLead';

describe('SwitchLead', () => {
  it('follows how long the audio took to be ready (a running average), within its bounds', () => {
    const lead = new SwitchLead(0.1);
    expect(lead.seconds).toBeCloseTo(0.1, 6);
    lead.observe(0.2);
    expect(lead.seconds).toBeCloseTo(0.15, 6);
    lead.observe(0.02);
    expect(lead.seconds).toBeCloseTo(0.085, 6);
    for (let i = 0; i < 30; i++) lead.observe(0.04);
    expect(lead.seconds).toBeCloseTo(0.04, 6);
    // An outlier (a stall of seconds) counts as the longest lead there is.
    lead.observe(5);
    expect(lead.seconds).toBeCloseTo(0.17, 6);
    for (let i = 0; i < 30; i++) lead.observe(5);
    expect(lead.seconds).toBeCloseTo(0.3, 6);
    for (let i = 0; i < 100; i++) lead.observe(-1);
    expect(lead.seconds).toBe(0.01);
    lead.observe(Number.NaN);
    expect(lead.seconds).toBe(0.01);
  });
});
