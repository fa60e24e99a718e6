/**
 * Exotel Lead Assist GreenVN as it travels: JSON bodies in snake_case, answers in the
 * `{success,status,code,message,data}` envelope (README: Documented and inferred).
 */
import type { E164 } from '../../domain/model.js';

/** The region codes a GreenVN preference may name. */
export const REGIONS = ['DL', 'MU', 'MH', 'WB', 'AP', 'TN', 'GJ', 'KA', 'KL', 'RJ', 'MP'] as const;
export type Region = (typeof REGIONS)[number];

/** `{success,status,code,message,data}`, around every answer. */
export interface Envelope {
  success?: boolean | string;
  status?: number;
  code?: number | string | null;
  message?: string | null;
  data?: unknown;
}

/** An allocation as Exotel writes it in responses and the deallocation callback. */
export interface GreenVnData {
  connection_id?: string;
  aparty_numbers?: unknown;
  bparty_numbers?: unknown;
  aparty_pins?: unknown;
  bparty_pins?: unknown;
  usage?: string;
  state?: string;
  greenvn?: unknown;
  green_vn?: unknown;
  greenvn_id?: string | number;
  flow_id?: string | number;
}

export interface PreferencesBody {
  greenvn?: string;
  region?: string;
  pin_code?: string;
  /** `type` on create; the update-VN example calls it `number_type`. */
  type?: string;
  number_type?: string;
}

export interface CreateBody {
  connection_id: string;
  aparty_numbers: E164[];
  bparty_numbers: E164[];
  aparty_pins?: number[];
  bparty_pins?: number[];
  usage: 'oneway' | 'twoway';
  /** Documented boolean; Exotel's own examples and Go model send the string. */
  strictness?: 'true' | 'false';
  preferences?: PreferencesBody;
  deallocation_policy?: { duration: string };
  flow_id?: string;
}

export type UpdatePartiesBody = Partial<Pick<CreateBody, 'aparty_numbers' | 'bparty_numbers' | 'aparty_pins' | 'bparty_pins' | 'usage'>>;
export type UpdateVnBody = Pick<CreateBody, 'strictness' | 'preferences'>;
