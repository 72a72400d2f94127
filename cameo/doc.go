// Package cameo is dyad's table of CAMEO event codes: for each code its
// name, its Goldstein conflict-cooperation value, its quad class and the
// PLOVER 0.8 event type, mode and contexts it translates to.
//
// The table is codes.txt, embedded in the binary; its header says where each
// field comes from and how the 2021 CAMEO-to-PLOVER conversion table was
// read. Codes of the CAMEO roots 01 (make public statement) and 02 (appeal)
// have no PLOVER event (Event is ""), since PLOVER dropped those roots.
//
// The quad class follows from the root: 01-05 verbal cooperation (1), 06-08
// material cooperation (2), 09-13 verbal conflict (3), 14-20 material
// conflict (4). PentaClass gives the 5-way class used by the ConfliBERT
// CAMEO data.
package cameo
