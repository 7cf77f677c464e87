/* SPDX-License-Identifier: GPL-2.0 */
/* The subcommands of wpv, one handler per file, dispatched from wpv.c. */
#ifndef _WPV_H
#define _WPV_H

/* Exit codes: 0 success (or accept), 1 failure (or reject), 2 usage. */
#define WPV_EXIT_USAGE	2

int wpv_agent_main(int argc, char **argv);
int wpv_station_main(int argc, char **argv);
int wpv_transcript_main(int argc, char **argv);
int wpv_sign_main(int argc, char **argv);
int wpv_verify_sig_main(int argc, char **argv);
int wpv_make_response_main(int argc, char **argv);
int wpv_verify_response_main(int argc, char **argv);

#endif /* _WPV_H */
