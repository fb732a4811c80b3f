#ifndef KYODO_CPOPPLERCPP_SHIM_H
#define KYODO_CPOPPLERCPP_SHIM_H
/* poppler-cpp is C++: no Swift code imports it. This target only carries the pkg-config
   flags (poppler-cpp) to CPDFText, the C wrapper Swift calls. */
#endif
