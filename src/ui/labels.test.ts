import { describe, expect, it } from 'vitest';
import { asSubject, fieldPlace } from './labels';

describe('field names in messages', () => {
  it('names a list item as its card does, counting from 1 (a message away from the editor read quality.faults.0.kind)', () => {
    expect(fieldPlace('quality.faults.0.kind')).toBe('Fault 1 (kind)');
    expect(fieldPlace('customColumns.2')).toBe('Custom column 3');
    expect(fieldPlace('events.11.params.unitCap')).toBe('Event 12 (params.unitCap)');
    expect(fieldPlace('volumes.ordersPerDay')).toBe('volumes.ordersPerDay');
    expect(fieldPlace('eventsX.0')).toBe('eventsX.0');
  });

  it('writes a label as a message’s subject, as the engine does, keeping an acronym', () => {
    expect(asSubject('Days')).toBe('days');
    expect(asSubject('Cohort mix: Gen Z %')).toBe('cohort mix: Gen Z %');
    expect(asSubject('UTC offset')).toBe('UTC offset');
  });
});
