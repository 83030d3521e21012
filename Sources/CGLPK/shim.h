#ifndef MAILPLAN_CGLPK_SHIM_H
#define MAILPLAN_CGLPK_SHIM_H
#include <glpk.h>
#endif
