import { londonDate, londonTime } from '../../domain/calendar/localDate';
import type { When } from '../../platform/when';

/** A form's date and time for an instant, as London's clock showed it, whatever the season. */
export const whenAt = (instant: Date): When => ({ occurredOn: londonDate(instant), occurredTime: londonTime(instant), problems: [] });
