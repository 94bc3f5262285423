/* app_lists.c - the moves every list screen shares; see app_lists.h. */
#include "app_lists.h"

bool app_list_move(list_view *v, action act, size_t rows)
{
	switch (act) {
	case ACT_DOWN: listview_move(v, 1, rows); return true;
	case ACT_UP: listview_move(v, -1, rows); return true;
	case ACT_PAGE_DOWN: listview_page(v, 1, rows); return true;
	case ACT_PAGE_UP: listview_page(v, -1, rows); return true;
	case ACT_HALF_DOWN: listview_half_page(v, 1, rows); return true;
	case ACT_HALF_UP: listview_half_page(v, -1, rows); return true;
	case ACT_TOP: listview_home(v, rows); return true;
	case ACT_BOTTOM: listview_end(v, rows); return true;
	default: return false;
	}
}
