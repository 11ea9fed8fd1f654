/**
 * The SM2 key that signs audit checkpoints, for the command line (which does not reach into the
 * store): making one, reading the key file, reading a public key given by hand.
 */
export {
  formatSigningKey,
  generateSigningKey,
  parsePublicKey,
  parseSigningKey,
  type SigningKey,
} from '../../store/audit/audit-checkpoint.js';
